namespace ForumManager.Core.Logistics;

/// <summary>A hotel the organizers hold rooms in.</summary>
public sealed class Hotel
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public string? AddressEn { get; set; }
    public string? AddressZh { get; set; }
    public string? MapUrl { get; set; }
    public string? Phone { get; set; }

    /// <summary>Where the rooming list goes (the hotel's reservations desk).</summary>
    public string? ReservationsEmail { get; set; }

    public List<RoomBlock> Blocks { get; set; } = [];
}

public enum RoomType
{
    Single = 0,
    Double = 1,
    Twin = 2,
    Suite = 3,
}

/// <summary>
/// Rooms contracted with a hotel: a number of rooms of one type held for a run of nights at a rate.
/// <see cref="Allocated"/> is counted by the database; a check constraint keeps it within <see cref="Rooms"/>.
/// </summary>
public sealed class RoomBlock
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int HotelId { get; set; }
    public Hotel? Hotel { get; set; }
    public RoomType Type { get; set; }

    /// <summary>1 is the best rooms the hotel offers; heads of delegation and VIPs get the lowest grade first.</summary>
    public int Grade { get; set; } = 2;

    public string? DescriptionEn { get; set; }
    public string? DescriptionZh { get; set; }
    public DateOnly FirstNight { get; set; }
    public DateOnly LastNight { get; set; }
    public int Rooms { get; set; }
    public int Allocated { get; set; }
    public decimal Rate { get; set; }
    public string Currency { get; set; } = "CNY";

    public int Beds => RoomTypes.Beds(Type);
}

public static class RoomTypes
{
    public static int Beds(RoomType type) => type == RoomType.Single ? 1 : 2;
}

/// <summary>One room given out from a block; its occupants are one or two delegates.</summary>
public sealed class HotelRoom
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int RoomBlockId { get; set; }
    public RoomBlock? RoomBlock { get; set; }

    /// <summary>The hotel's own room number, once the hotel has given one.</summary>
    public string? RoomNumber { get; set; }

    public DateTime CreatedUtc { get; set; }
    public List<RoomOccupant> Occupants { get; set; } = [];
}

public sealed class RoomOccupant
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int HotelRoomId { get; set; }
    public HotelRoom? HotelRoom { get; set; }

    /// <summary>Unique: a delegate sleeps in one room.</summary>
    public int DelegateId { get; set; }
}

public enum Sharing
{
    /// <summary>The room to oneself.</summary>
    Alone = 0,

    /// <summary>With the person named in <see cref="AccommodationRequest.ShareWithDelegateId"/>.</summary>
    Named = 1,

    /// <summary>With someone of the same gender whom the organizers choose.</summary>
    SameGender = 2,
}

/// <summary>What a delegate asks for: the nights, the room type, and with whom they share.</summary>
public sealed class AccommodationRequest
{
    public int DelegateId { get; set; }
    public int ForumId { get; set; }
    public DateOnly CheckIn { get; set; }
    public DateOnly CheckOut { get; set; }
    public RoomType Type { get; set; } = RoomType.Single;
    public Sharing Sharing { get; set; }
    public int? ShareWithDelegateId { get; set; }
    public string? Notes { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public int Nights => CheckOut.DayNumber - CheckIn.DayNumber;
}

/// <summary>A rooming list as it was sent to the hotel, so that the next list marks what changed since.</summary>
public sealed class RoomingListSending
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int HotelId { get; set; }
    public DateTime SentUtc { get; set; }
    public required string SentBy { get; set; }

    /// <summary>The list's rows as sent, one line per guest: delegate id, room key, check-in and check-out.</summary>
    public required string Snapshot { get; set; }
}
