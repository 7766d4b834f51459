using ForumManager.Core.Protocol;
using ForumManager.Documents.Text;

namespace ForumManager.Documents.Protocol;

/// <summary>The heading every protocol document carries: the session in both languages, its room and its time, ready to print.</summary>
public sealed record ProtocolHeading(string SessionEn, string SessionZh, string Room, string When, string ForumEn, string ForumZh);

/// <summary>
/// A person as the protocol documents print them. <paramref name="NativeName"/> is the name in the person's own script
/// (null or the Latin name again when they have none), <paramref name="NativeLanguage"/> picks its typeface;
/// <paramref name="Title"/> is the position, <paramref name="Place"/> the city or delegation.
/// </summary>
public sealed record ProtocolPerson(string LatinName, string? NativeName, string? NativeLanguage, string? Title, string? Place, string SortKey)
{
    /// <summary>The own-script name when it is worth printing beside the Latin one: in a script other than Latin letters.</summary>
    public string? OwnScript
    {
        get
        {
            var native = NativeName?.Trim();
            // A name written in Latin letters only ("Ana Oliveira") is the Latin name again, printed once.
            return string.IsNullOrEmpty(native) || string.Equals(native, LatinName.Trim(), StringComparison.OrdinalIgnoreCase) || Scripts.IsLatinOnly(native) ? null : native;
        }
    }
}

/// <summary>Someone in a seat; <paramref name="Behind"/> is a chair behind it (a consecutive interpreter).</summary>
public sealed record SeatedPerson(int Table, int Seat, bool Behind, ProtocolPerson Person);

/// <summary>A seat held back, and why.</summary>
public sealed record ReservedMark(int Table, int Seat, SeatPurpose Purpose, string? Note);

/// <summary>Everything the seating documents of one session print: the layout's seats, who sits where, the seats held back.</summary>
public sealed record PrintedSeating(
    ProtocolHeading Heading,
    LayoutShape Shape,
    SeatMap Map,
    IReadOnlyList<SeatedPerson> Seated,
    IReadOnlyList<ReservedMark> Reserved);

/// <summary>How seats and tables are named to people, in English and Chinese ("Table 5, seat 3" / "第5桌 3号座").</summary>
public static class SeatWords
{
    public static string TableEn(LayoutShape shape, int table) =>
        table == 0 ? "Head table" : SeatLayouts.HasRows(shape) ? $"Row {table}" : $"Table {table}";

    public static string TableZh(LayoutShape shape, int table) =>
        table == 0 ? "主席台" : SeatLayouts.HasRows(shape) ? $"第{table}排" : $"第{table}桌";

    public static string SeatEn(LayoutShape shape, int table, int seat) => $"{TableEn(shape, table)}, seat {seat}";

    public static string SeatZh(LayoutShape shape, int table, int seat) => $"{TableZh(shape, table)} {seat}号座";

    public static string SeatBoth(LayoutShape shape, int table, int seat) => $"{SeatEn(shape, table, seat)} · {SeatZh(shape, table, seat)}";

    public static (string En, string Zh) Purpose(SeatPurpose purpose) => purpose switch
    {
        SeatPurpose.Host => ("Host", "主人"),
        SeatPurpose.Interpreter => ("Interpreter", "译员"),
        SeatPurpose.Press => ("Press", "媒体"),
        _ => ("Reserved", "预留"),
    };
}
