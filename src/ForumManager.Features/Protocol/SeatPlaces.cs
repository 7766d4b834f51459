using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Protocol;

/// <summary>Where one person sits in one session, for <c>/me</c> and the notices.</summary>
public sealed record SeatPlace(int SessionId, string TitleEn, string TitleZh, DateTime StartUtc, DateTime EndUtc, LayoutShape Shape, int Table, int Seat,
    bool Behind)
{
    public string Title(bool chinese) => chinese ? TitleZh : TitleEn;

    /// <summary>"Table 5, seat 3", "Row 2, seat 14" or "Head table, seat 4", in the reader's language.</summary>
    public string Name(string language) => SeatPlaces.Name(Shape, Table, Seat, Behind, language);
}

/// <summary>Seat names as people read them, and the seats a delegate holds.</summary>
public static class SeatPlaces
{
    /// <summary>
    /// Round tables, the hollow square and the U have tables; theatre rows and the rows before a head table have rows; table 0
    /// is the head table. A chair behind a seat (a consecutive interpreter) is named after the seat.
    /// </summary>
    public static string Name(LayoutShape shape, int table, int seat, bool behind, string language)
    {
        var place = table == 0 ? SharedResource.Get("Seat_HeadPlace", language, seat)
            : SeatLayouts.HasRows(shape) ? SharedResource.Get("Seat_RowPlace", language, table, seat)
            : SharedResource.Get("Seat_TablePlace", language, table, seat);
        return behind ? SharedResource.Get("Seat_BehindPlace", language, place) : place;
    }

    /// <summary>The table's own name ("Table 5", "Row 2", "Head table"), for the map and the lists.</summary>
    public static string TableName(LayoutShape shape, int table, string language) =>
        table == 0 ? SharedResource.Get("Seat_HeadTable", language)
            : SeatLayouts.HasRows(shape) ? SharedResource.Get("Seat_Row", language, table)
            : SharedResource.Get("Seat_Table", language, table);

    /// <summary>Every seat a delegate holds, in time order.</summary>
    public static async Task<IReadOnlyList<SeatPlace>> ForDelegateAsync(ForumDbContext db, int delegateId, CancellationToken ct)
    {
        var rows = await db.SeatAssignments.AsNoTracking().Where(a => a.DelegateId == delegateId)
            .Join(db.Sessions, a => a.SessionId, s => s.Id, (a, s) => new { a, s })
            .Join(db.SessionSeatings, x => x.s.Id, seating => seating.SessionId, (x, seating) => new
            {
                x.s.Id, x.s.TitleEn, x.s.TitleZh, x.s.StartUtc, x.s.EndUtc, seating.Layout!.Shape, x.a.Table, x.a.Seat, x.a.Behind,
            })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.StartUtc).ThenBy(r => r.Id)
            .Select(r => new SeatPlace(r.Id, r.TitleEn, r.TitleZh, r.StartUtc, r.EndUtc, r.Shape, r.Table, r.Seat, r.Behind)).ToList();
    }

    /// <summary>
    /// The <c>seating</c> placeholders: the delegate's first seated session of the reminder's day, or with no day (any other
    /// notice) their first seated session of all. One session rather than a list: a reminder names tomorrow's banquet or
    /// ceremony, and a day with two seated sessions is rare enough that the first is what the delegate needs first; the
    /// full list is on <c>/me</c>. Empty values until the delegate is seated, so a template can test them with <c>!= blank</c>.
    /// </summary>
    public static Dictionary<string, object?> Placeholders(IReadOnlyList<SeatPlace> seats, DateOnly? day, TimeZoneInfo zone, bool chinese)
    {
        var language = chinese ? "zh-Hans" : "en";
        var seat = seats.FirstOrDefault(s => day is not { } d || DateOnly.FromDateTime(Core.Forums.ForumTime.ToLocal(s.StartUtc, zone)) == d);
        return new Dictionary<string, object?>
        {
            ["session"] = seat?.Title(chinese),
            ["when"] = seat is null ? null : Core.Forums.ForumTime.ToLocal(seat.StartUtc, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["table"] = seat is null ? null : TableName(seat.Shape, seat.Table, language),
            ["seat"] = seat?.Seat,
            ["place"] = seat?.Name(language),
        };
    }
}
