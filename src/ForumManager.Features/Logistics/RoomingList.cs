using System.Globalization;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Data;
using ForumManager.Documents.Lists;
using ForumManager.Features;
using ForumManager.Features.Text;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Logistics;

public enum RoomingChange
{
    None,
    New,
    Changed,
    Removed,
}

public sealed record RoomingRow(int DelegateId, int HotelRoomId, string Room, RoomType Type, string? BlockEn, string? BlockZh, string LatinName, string? NativeName,
    string? NativeLanguage, string? Honorific, int? DelegationId, string? Delegation, string? DelegationZh, DateOnly? CheckIn, DateOnly? CheckOut, string? Arrival, DateTime? ArrivalUtc,
    string? Notes, RoomingChange Change, string? Departure = null, DateTime? DepartureUtc = null, string? Reference = null)
{
    /// <summary>What the hotel acts on; a change in any of these marks the row on the next list.</summary>
    public string Key => string.Join('|', DelegateId.ToString(CultureInfo.InvariantCulture), HotelRoomId.ToString(CultureInfo.InvariantCulture), Room, Type,
        CheckIn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CheckOut?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

/// <param name="Matching">Guests the search matched, over all pages.</param>
/// <param name="Changes">Rows new, changed or cancelled since the last sending, over the whole list.</param>
public sealed record RoomingListData(Hotel Hotel, IReadOnlyList<RoomingRow> Rows, RoomingListSending? LastSent, int Matching = 0, int Changes = 0);

/// <summary>A room with a bed free and one guest, of <paramref name="DelegationId"/>.</summary>
public sealed record OpenRoom(int Id, string? RoomNumber, RoomType Type, int DelegationId);

/// <summary>One page of the list on screen, with an optional search; files always hold the whole list.</summary>
public sealed record RoomingWindow(string? Search, int Skip, int Take);

/// <summary>
/// A hotel's rooming list: each room with its guests, their nights and arrival. Once a list has been sent, the rows
/// new, changed or gone since are marked, so the hotel sees at a glance what to update.
/// </summary>
public sealed class RoomingList(ForumDbContext db)
{
    public async Task<RoomingListData?> BuildAsync(Forum forum, int hotelId, CancellationToken ct, RoomingWindow? window = null)
    {
        var forumId = forum.Id;
        var hotel = await db.Hotels.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hotelId && h.ForumId == forumId, ct);
        if (hotel is null)
            return null;

        var occupants = db.RoomOccupants.AsNoTracking().Where(o => o.HotelRoom!.RoomBlock!.HotelId == hotelId);
        var term = Core.Text.PersonName.Clean(window?.Search);
        if (!LikePattern.CanMatch(term))
        {
            occupants = occupants.Where(o => false);
        }
        else if (term.Length > 0)
        {
            var pattern = LikePattern.Containing(term);
            const string escape = LikePattern.Escape;
            occupants = occupants.Where(o => (o.HotelRoom!.RoomNumber != null && EF.Functions.Like(o.HotelRoom.RoomNumber, pattern, escape))
                || db.Delegates.Any(d => d.Id == o.DelegateId && (EF.Functions.Like(d.FamilyName, pattern, escape) || EF.Functions.Like(d.GivenName, pattern, escape)
                    || (d.NativeName != null && EF.Functions.Like(d.NativeName, pattern, escape))
                    || (d.Delegation != null && (EF.Functions.Like(d.Delegation.NameEn, pattern, escape) || EF.Functions.Like(d.Delegation.NameZh, pattern, escape))))));
        }

        var matching = window is null ? 0 : await occupants.CountAsync(ct);
        var ordered = occupants.OrderBy(o => o.HotelRoom!.RoomNumber == null).ThenBy(o => o.HotelRoom!.RoomNumber).ThenBy(o => o.HotelRoomId).ThenBy(o => o.DelegateId);
        var page = window is null ? ordered : ordered.Skip(window.Skip).Take(window.Take);
        var rows = await page
            .Join(db.Delegates, o => o.DelegateId, d => d.Id, (o, d) => new
            {
                o.DelegateId, o.HotelRoomId, o.HotelRoom!.RoomNumber, o.HotelRoom.RoomBlock!.Type, o.HotelRoom.RoomBlock.DescriptionEn, o.HotelRoom.RoomBlock.DescriptionZh,
                Latin = d.FamilyName.ToUpper() + " " + d.GivenName, d.NativeName, d.NativeNameLanguage, d.Honorific,
                d.DelegationId, Delegation = d.Delegation == null ? null : d.Delegation.NameEn, DelegationZh = d.Delegation == null ? null : d.Delegation.NameZh,
                d.PrecedenceRank, d.Reference,
            })
            .ToListAsync(ct);

        // The stays and journeys of the guests read (one stay and one journey each way a delegate, by unique indexes): of
        // a page, by its guests' ids; taking the first of each in the query above made the database number every journey
        // of the forum. The whole list reads those of the hotel's guests.
        var ids = rows.Select(r => r.DelegateId).ToList();
        var guests = db.AccommodationRequests.AsNoTracking();
        var travel = db.Journeys.AsNoTracking();
        (guests, travel) = window is null
            ? (guests.Where(r => occupants.Any(o => o.DelegateId == r.DelegateId)), travel.Where(j => occupants.Any(o => o.DelegateId == j.DelegateId)))
            : (guests.Where(r => ids.Contains(r.DelegateId)), travel.Where(j => ids.Contains(j.DelegateId)));
        var stays = await guests.Select(r => new { r.DelegateId, r.CheckIn, r.CheckOut, r.Notes }).ToDictionaryAsync(r => r.DelegateId, ct);
        var journeys = await travel.Select(j => new { j.DelegateId, j.Direction, j.Number, j.ScheduledUtc }).ToListAsync(ct);
        var arrivals = journeys.Where(j => j.Direction == JourneyDirection.Arrival).ToDictionary(j => j.DelegateId);
        var departures = journeys.Where(j => j.Direction == JourneyDirection.Departure).ToDictionary(j => j.DelegateId);
        var current = rows
            .Select(r => (Row: r, Stay: stays.GetValueOrDefault(r.DelegateId), Arrival: arrivals.GetValueOrDefault(r.DelegateId), Departure: departures.GetValueOrDefault(r.DelegateId)))
            .Select(x => new RoomingRow(x.Row.DelegateId, x.Row.HotelRoomId, x.Row.RoomNumber ?? "#" + x.Row.HotelRoomId.ToString(CultureInfo.InvariantCulture), x.Row.Type,
                x.Row.DescriptionEn, x.Row.DescriptionZh, x.Row.Latin, x.Row.NativeName, x.Row.NativeNameLanguage, x.Row.Honorific, x.Row.DelegationId, x.Row.Delegation,
                x.Row.DelegationZh, x.Stay?.CheckIn, x.Stay?.CheckOut, x.Arrival?.Number, x.Arrival?.ScheduledUtc, x.Stay?.Notes, RoomingChange.None, x.Departure?.Number,
                x.Departure?.ScheduledUtc, x.Row.Reference))
            .ToList();

        var lastSent = await db.RoomingListSendings.AsNoTracking().Where(s => s.HotelId == hotelId).OrderByDescending(s => s.SentUtc).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        var changes = 0;
        if (lastSent is not null)
        {
            var sent = lastSent.Snapshot.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(line => int.Parse(line[..line.IndexOf('|')], CultureInfo.InvariantCulture));
            current = current.Select(r => r with
            {
                Change = !sent.TryGetValue(r.DelegateId, out var before) ? RoomingChange.New : before != r.Key ? RoomingChange.Changed : RoomingChange.None,
            }).ToList();

            // The whole list's keys, read light, to count the changes and find who is gone whatever page is shown.
            var keys = (await KeyRowsAsync(hotelId, ct)).ToDictionary(k => k.DelegateId, k => k.Key);
            var gone = sent.Keys.Where(id => !keys.ContainsKey(id)).ToList();
            changes = gone.Count + keys.Count(k => !sent.TryGetValue(k.Key, out var before) || before != k.Value);
            if (gone.Count > 0 && window is null)
            {
                var people = await db.Delegates.AsNoTracking().Where(d => gone.Contains(d.Id))
                    .Select(d => new { d.Id, Latin = d.FamilyName.ToUpper() + " " + d.GivenName, d.NativeName, d.NativeNameLanguage, d.Honorific, d.Reference }).ToListAsync(ct);
                current.AddRange(people.Select(p =>
                {
                    var parts = sent[p.Id].Split('|');
                    return new RoomingRow(p.Id, int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2], Enum.Parse<RoomType>(parts[3]), null, null, p.Latin, p.NativeName,
                        p.NativeNameLanguage, p.Honorific, null, null, null, ParseDate(parts[4]), ParseDate(parts[5]), null, null, null, RoomingChange.Removed, Reference: p.Reference);
                }));
            }
        }

        // Rooms with the hotel's numbers first, then those still waiting for one; a cancelled guest after the room's others.
        var orderedRows = current.OrderBy(r => r.Room.StartsWith('#') ? 1 : 0).ThenBy(r => r.Room.StartsWith('#') ? "" : r.Room, StringComparer.Ordinal).ThenBy(r => r.HotelRoomId)
            .ThenBy(r => r.Change == RoomingChange.Removed).ThenBy(r => r.DelegateId).ToList();
        return new RoomingListData(hotel, orderedRows, lastSent, window is null ? orderedRows.Count : matching, changes);
    }

    /// <summary>
    /// The hotel's rooms (not singles) with one guest, of the given delegations (those of the guests on a page): the rooms
    /// are counted by the database, and only those of these delegations are read.
    /// </summary>
    public async Task<IReadOnlyList<OpenRoom>> OpenRoomsAsync(int hotelId, IReadOnlyCollection<int> delegations, CancellationToken ct)
    {
        var alone = db.RoomOccupants.AsNoTracking().Where(o => o.HotelRoom!.RoomBlock!.HotelId == hotelId && o.HotelRoom.RoomBlock.Type != RoomType.Single)
            .GroupBy(o => o.HotelRoomId).Where(g => g.Count() == 1).Select(g => g.Min(o => o.DelegateId));
        return await db.RoomOccupants.AsNoTracking().Where(o => alone.Contains(o.DelegateId))
            .Join(db.Delegates.Where(d => d.DelegationId != null && delegations.Contains(d.DelegationId.Value)), o => o.DelegateId, d => d.Id,
                (o, d) => new { o.HotelRoomId, o.HotelRoom!.RoomNumber, o.HotelRoom.RoomBlock!.Type, Delegation = d.DelegationId!.Value })
            .OrderBy(r => r.RoomNumber).ThenBy(r => r.HotelRoomId)
            .Select(r => new OpenRoom(r.HotelRoomId, r.RoomNumber, r.Type, r.Delegation))
            .ToListAsync(ct);
    }

    /// <summary>The whole list as it stands (not one page of it), to compare the next one with.</summary>
    public static string Snapshot(RoomingListData list) =>
        string.Join('\n', list.Rows.Where(r => r.Change != RoomingChange.Removed).Select(r => r.Key));

    private async Task<List<(int DelegateId, string Key)>> KeyRowsAsync(int hotelId, CancellationToken ct)
    {
        var keys = await db.RoomOccupants.AsNoTracking().Where(o => o.HotelRoom!.RoomBlock!.HotelId == hotelId)
            .Select(o => new
            {
                o.DelegateId, o.HotelRoomId, o.HotelRoom!.RoomNumber, o.HotelRoom.RoomBlock!.Type,
                Stay = db.AccommodationRequests.Where(r => r.DelegateId == o.DelegateId).Select(r => new { r.CheckIn, r.CheckOut }).FirstOrDefault(),
            }).ToListAsync(ct);
        return keys.Select(k => (k.DelegateId, new RoomingRow(k.DelegateId, k.HotelRoomId, k.RoomNumber ?? "#" + k.HotelRoomId.ToString(CultureInfo.InvariantCulture), k.Type,
            null, null, string.Empty, null, null, null, null, null, null, k.Stay?.CheckIn, k.Stay?.CheckOut, null, null, null, RoomingChange.None).Key)).ToList();
    }

    /// <summary>The sheet: the delegate's reference first, as in every export; the printed list leaves it out.</summary>
    public static (IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<object?>> Rows) Table(RoomingListData list, Forum forum) =>
        (["Reference 参会编号", "Change 变动", "Room 房号", "Room type 房型", "Guest 宾客", "Name in own script 本国文字姓名", "Delegation 代表团", "Arrival 抵达", "Departure 离开", "Check-in 入住", "Check-out 退房", "Nights 晚数", "Notes 备注"],
        list.Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Reference, r.Change == RoomingChange.None ? null : Mark(r.Change), r.Room, $"{SharedResource.Get("RoomType_" + r.Type, "en")} {SharedResource.Get("RoomType_" + r.Type, "zh-Hans")} · {r.BlockEn}".TrimEnd(' ', '·'), $"{r.Honorific} {r.LatinName}".Trim(), r.NativeName,
            r.Delegation, r.Arrival is null ? null : $"{r.Arrival} {ForumTime.ToLocal(r.ArrivalUtc!.Value, forum.TimeZone):yyyy-MM-dd HH:mm}",
            r.Departure is null ? null : $"{r.Departure} {ForumTime.ToLocal(r.DepartureUtc!.Value, forum.TimeZone):yyyy-MM-dd HH:mm}",
            r.CheckIn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.CheckOut?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.CheckIn is { } i && r.CheckOut is { } o ? o.DayNumber - i.DayNumber : null, r.Notes,
        ]).ToList());

    public static ListData Document(RoomingListData list, Forum forum, DateTime nowUtc)
    {
        var (headings, rows) = Table(list, forum);
        var marked = list.LastSent is not null;
        var widths = new float[] { 10, 18, 24, 20, 20, 20, 20, 12, 12, 6, 18 };
        var roomGroups = list.Rows.Select(r => r.HotelRoomId).Distinct().Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return new ListData
        {
            Title = $"Rooming list 住宿名单 · {list.Hotel.NameZh} {list.Hotel.NameEn}",
            Subtitles =
            [
                $"{forum.NameZh} · {forum.NameEn}",
                $"{list.Hotel.AddressZh} · {list.Hotel.AddressEn}",
                $"{rows.Count} guests 位宾客 · {list.Rows.Select(r => r.HotelRoomId).Distinct().Count()} rooms 间 · " +
                    $"as of 截至 {ForumTime.ToLocal(nowUtc, forum.TimeZone):yyyy-MM-dd HH:mm} ({ForumTime.OffsetLabel(nowUtc, forum.TimeZone)})" +
                    (marked ? $" · changes since 自上次发送以来的变动 {ForumTime.ToLocal(list.LastSent!.SentUtc, forum.TimeZone):yyyy-MM-dd HH:mm}" : string.Empty),
            ],
            Columns = headings.Skip(2).Zip(widths, (h, w) => new ListColumn(h, w)).ToList(),
            Rows = list.Rows.Select((r, i) => new ListRow(
                rows[i].Skip(2).Select((cell, c) => new ListCell(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty, c == 3 ? r.NativeLanguage : null)).ToList(),
                roomGroups[r.HotelRoomId], r.Change == RoomingChange.None ? null : Mark(r.Change), r.Change == RoomingChange.Removed)).ToList(),
            Footer = $"{forum.Acronym} · {list.Hotel.NameEn}",
        };
    }

    private static string Mark(RoomingChange change) => change switch
    {
        RoomingChange.New => "NEW 新增",
        RoomingChange.Changed => "CHANGED 变更",
        _ => "CANCELLED 取消",
    };

    private static DateOnly? ParseDate(string text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
