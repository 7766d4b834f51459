namespace ForumManager.Core.Forums;

public sealed class Venue
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public string? AddressEn { get; set; }
    public string? AddressZh { get; set; }
    public string? MapUrl { get; set; }
    public List<Room> Rooms { get; set; } = [];
}

public sealed class Room
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int VenueId { get; set; }
    public Venue? Venue { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public int Capacity { get; set; }

    /// <summary>Opening hours in the forum's local time; null means no limit.</summary>
    public TimeOnly? OpensAt { get; set; }
    public TimeOnly? ClosesAt { get; set; }

    /// <summary>What the room has: projector, podium, simultaneous-interpretation receivers...</summary>
    public string? Equipment { get; set; }

    /// <summary>Booths for simultaneous interpreters; a session with simultaneous interpretation needs one.</summary>
    public int InterpretationBooths { get; set; }
}
