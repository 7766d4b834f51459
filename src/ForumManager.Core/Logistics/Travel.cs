namespace ForumManager.Core.Logistics;

public enum JourneyDirection
{
    Arrival = 0,
    Departure = 1,
}

public enum TravelMode
{
    Flight = 0,
    Train = 1,
    Road = 2,
}

/// <summary>An airport or railway station delegates arrive at and leave from.</summary>
public sealed class TransportHub
{
    public int Id { get; set; }
    public int ForumId { get; set; }

    /// <summary>IATA code for an airport (CSX), a short code for a station.</summary>
    public required string Code { get; set; }

    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public TravelMode Mode { get; set; }
}

/// <summary>A delegate's arrival or departure: one of each at most.</summary>
public sealed class Journey
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int DelegateId { get; set; }
    public JourneyDirection Direction { get; set; }
    public TravelMode Mode { get; set; }

    /// <summary>Flight or train number, normalized (CZ3104, G1001).</summary>
    public required string Number { get; set; }

    public int HubId { get; set; }
    public TransportHub? Hub { get; set; }

    /// <summary>Scheduled landing (arrival) or take-off (departure), stored in UTC and shown in forum time.</summary>
    public DateTime ScheduledUtc { get; set; }

    public string? Terminal { get; set; }

    /// <summary>Where the delegate flies in from, or on to.</summary>
    public string? OtherEnd { get; set; }

    public int? PickupWaveId { get; set; }
    public PickupWave? PickupWave { get; set; }

    /// <summary>The vehicle seat, once assigned.</summary>
    public int? TransferId { get; set; }
    public Transfer? Transfer { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

public sealed class Vehicle
{
    public int Id { get; set; }
    public int ForumId { get; set; }

    /// <summary>What people call it at the kerb: "Coach 3", "VIP car 1".</summary>
    public required string Label { get; set; }

    public string? Plate { get; set; }
    public int Seats { get; set; }
    public string? DriverName { get; set; }
    public string? DriverPhone { get; set; }
    public string? LiaisonName { get; set; }
    public string? LiaisonPhone { get; set; }
}

/// <summary>Arrivals at one place within a time window, met together.</summary>
public sealed class PickupWave
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int HubId { get; set; }
    public TransportHub? Hub { get; set; }
    public JourneyDirection Direction { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }

    /// <summary>When the vehicles leave the airport (arrivals) or the hotel (departures).</summary>
    public DateTime DepartsUtc { get; set; }

    public List<Transfer> Transfers { get; set; } = [];
}

/// <summary>A vehicle serving a wave; <see cref="Taken"/> is counted by the database and never passes <see cref="Seats"/>.</summary>
public sealed class Transfer
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int PickupWaveId { get; set; }
    public PickupWave? PickupWave { get; set; }
    public int VehicleId { get; set; }
    public Vehicle? Vehicle { get; set; }
    public int Seats { get; set; }
    public int Taken { get; set; }
}
