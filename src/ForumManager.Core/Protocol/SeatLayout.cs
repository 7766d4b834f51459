namespace ForumManager.Core.Protocol;

/// <summary>How a room's seats stand for one kind of event.</summary>
public enum LayoutShape
{
    /// <summary>Round tables of <see cref="SeatLayout.SeatsPerTable"/> (a banquet); table 1 is the host's.</summary>
    RoundTables = 0,

    /// <summary>Rows facing a stage, with an aisle (a forum or a press conference); row 1 is nearest the stage.</summary>
    Theatre = 1,

    /// <summary>A head table facing the room (table 0) and rows before it (a ceremony).</summary>
    HeadTableAndRows = 2,

    /// <summary>One table round a hollow square (round-table talks); the host sits mid-way along the top side.</summary>
    HollowSquare = 3,

    /// <summary>One table in a U open to the screen; the host sits at the middle of its closed end.</summary>
    UShape = 4,
}

/// <summary>
/// A named way a room's seats stand: "Banquet, 22 tables of 10" or "Ceremony, head table of 12 and 10 rows". A layout is
/// a recipe; its seats follow from it (<see cref="SeatLayouts.Seats"/>), so a seat is named by table (or row) and number.
/// </summary>
public sealed class SeatLayout
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int RoomId { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public LayoutShape Shape { get; set; }

    /// <summary>Round tables: how many tables. Theatre and head table with rows: how many rows. Square and U: always 1.</summary>
    public int Tables { get; set; } = 1;

    /// <summary>Round tables: seats at each. Rows: seats in each row. Square and U: seats round the one table.</summary>
    public int SeatsPerTable { get; set; } = 10;

    /// <summary>Rows only: the aisle runs after this seat of each row (counted from the left as the audience sees it); null for no aisle.</summary>
    public int? AisleAfter { get; set; }

    /// <summary>Head table with rows: the seats at the head table.</summary>
    public int HeadSeats { get; set; }
}

public static class SeatLayoutRules
{
    public const int MaxTables = 400;
    public const int MaxSeatsPerTable = 60;
    public const int MaxHeadSeats = 40;
    public const int MaxSeats = 5000;
}

/// <summary>Why a seat is held back from automatic seating.</summary>
public enum SeatPurpose
{
    /// <summary>Where the host sits, instead of the layout's first seat of honour.</summary>
    Host = 0,

    /// <summary>For the session's interpreters.</summary>
    Interpreter = 1,

    /// <summary>For the press: press delegates are seated here and nowhere else.</summary>
    Press = 2,

    /// <summary>Held empty (security, a photographer, a late guest).</summary>
    Other = 3,
}

/// <summary>A seat of one session's layout held back for a purpose.</summary>
public sealed class ReservedSeat
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int SessionId { get; set; }

    /// <summary>The table or row (0 is the head table).</summary>
    public int Table { get; set; }

    public int Seat { get; set; }
    public SeatPurpose Purpose { get; set; }

    /// <summary>What the organizers wrote on the seat ("CCTV camera").</summary>
    public string? Note { get; set; }
}

/// <summary>A session's seating: the layout it uses and who hosts it.</summary>
public sealed class SessionSeating
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int SessionId { get; set; }
    public int LayoutId { get; set; }
    public SeatLayout? Layout { get; set; }

    /// <summary>The host, a delegate or a guest (a host official); with neither, the first seat of honour goes to the principal guest.</summary>
    public int? HostDelegateId { get; set; }

    public int? HostGuestId { get; set; }

    /// <summary>Raised on every change, so a page that moves people acts on the plan it showed.</summary>
    public int Version { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>
/// One person in one seat of a session: a delegate or a guest. The database keeps a seat to one person and a person
/// to one seat per session. An interpreter seated behind their principal takes no seat at the table.
/// </summary>
public sealed class SeatAssignment
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int SessionId { get; set; }

    /// <summary>The table or row (0 is the head table).</summary>
    public int Table { get; set; }

    public int Seat { get; set; }

    /// <summary>A chair behind <see cref="Seat"/> rather than the seat itself: a consecutive interpreter behind their principal.</summary>
    public bool Behind { get; set; }

    public int? DelegateId { get; set; }
    public int? GuestId { get; set; }
}
