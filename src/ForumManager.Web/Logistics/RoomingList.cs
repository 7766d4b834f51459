using System.Globalization;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Data;
using ForumManager.Documents.Lists;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Logistics;

public enum RoomingChange
{
    None,
    New,
    Changed,
    Removed,
}

public sealed record RoomingRow(int DelegateId, int HotelRoomId, string Room, RoomType Type, string? BlockEn, string? BlockZh, string LatinName, string? NativeName,
    string? NativeLanguage, string? Honorific, int? DelegationId, string? Delegation, string? DelegationZh, DateOnly? CheckIn, DateOnly? CheckOut, string? Arrival, DateTime? ArrivalUtc,
    string? Notes, RoomingChange Change)
{
    /// <summary>What the hotel acts on; a change in any of these marks the row on the next list.</summary>
    public string Key => string.Join('|', DelegateId.ToString(CultureInfo.InvariantCulture), HotelRoomId.ToString(CultureInfo.InvariantCulture), Room, Type,
        CheckIn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CheckOut?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

public sealed record RoomingListData(Hotel Hotel, IReadOnlyList<RoomingRow> Rows, RoomingListSending? LastSent);

/// <summary>
/// A hotel's rooming list: each room with its guests, their nights and arrival. Once a list has been sent, the rows
/// new, changed or gone since are marked, so the hotel sees at a glance what to update.
/// </summary>
public sealed class RoomingList(ForumDbContext db)
{
    public async Task<RoomingListData?> BuildAsync(Forum forum, int hotelId, CancellationToken ct)
    {
        var forumId = forum.Id;
        var hotel = await db.Hotels.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hotelId && h.ForumId == forumId, ct);
        if (hotel is null)
            return null;

        var rows = await db.RoomOccupants.AsNoTracking().Where(o => o.HotelRoom!.RoomBlock!.HotelId == hotelId)
            .Join(db.Delegates, o => o.DelegateId, d => d.Id, (o, d) => new
            {
                o.DelegateId, o.HotelRoomId, o.HotelRoom!.RoomNumber, o.HotelRoom.RoomBlock!.Type, o.HotelRoom.RoomBlock.DescriptionEn, o.HotelRoom.RoomBlock.DescriptionZh,
                Latin = d.FamilyName.ToUpper() + " " + d.GivenName, d.NativeName, d.NativeNameLanguage, d.Honorific,
                d.DelegationId, Delegation = d.Delegation == null ? null : d.Delegation.NameEn, DelegationZh = d.Delegation == null ? null : d.Delegation.NameZh,
                d.PrecedenceRank,
                Request = db.AccommodationRequests.Where(r => r.DelegateId == d.Id).Select(r => new { r.CheckIn, r.CheckOut, r.Notes }).FirstOrDefault(),
                Arrival = db.Journeys.Where(j => j.DelegateId == d.Id && j.Direction == JourneyDirection.Arrival).Select(j => new { j.Number, j.ScheduledUtc }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var current = rows
            .Select(r => new RoomingRow(r.DelegateId, r.HotelRoomId, r.RoomNumber ?? "#" + r.HotelRoomId.ToString(CultureInfo.InvariantCulture), r.Type, r.DescriptionEn, r.DescriptionZh,
                r.Latin, r.NativeName, r.NativeNameLanguage, r.Honorific, r.DelegationId, r.Delegation, r.DelegationZh, r.Request?.CheckIn, r.Request?.CheckOut, r.Arrival?.Number,
                r.Arrival?.ScheduledUtc, r.Request?.Notes, RoomingChange.None))
            .ToList();

        var lastSent = await db.RoomingListSendings.AsNoTracking().Where(s => s.HotelId == hotelId).OrderByDescending(s => s.SentUtc).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        if (lastSent is not null)
        {
            var sent = lastSent.Snapshot.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(line => int.Parse(line[..line.IndexOf('|')], CultureInfo.InvariantCulture));
            current = current.Select(r => r with
            {
                Change = !sent.TryGetValue(r.DelegateId, out var before) ? RoomingChange.New : before != r.Key ? RoomingChange.Changed : RoomingChange.None,
            }).ToList();
            var gone = sent.Keys.Except(current.Select(r => r.DelegateId)).ToList();
            if (gone.Count > 0)
            {
                var people = await db.Delegates.AsNoTracking().Where(d => gone.Contains(d.Id))
                    .Select(d => new { d.Id, Latin = d.FamilyName.ToUpper() + " " + d.GivenName, d.NativeName, d.NativeNameLanguage, d.Honorific }).ToListAsync(ct);
                current.AddRange(people.Select(p =>
                {
                    var parts = sent[p.Id].Split('|');
                    return new RoomingRow(p.Id, int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2], Enum.Parse<RoomType>(parts[3]), null, null, p.Latin, p.NativeName,
                        p.NativeNameLanguage, p.Honorific, null, null, null, ParseDate(parts[4]), ParseDate(parts[5]), null, null, null, RoomingChange.Removed);
                }));
            }
        }

        var ordered = current.OrderBy(r => r.Room.StartsWith('#') ? 1 : 0).ThenBy(r => r.Room, StringComparer.Ordinal).ThenBy(r => r.HotelRoomId)
            .ThenBy(r => r.Change == RoomingChange.Removed).ThenBy(r => r.LatinName, StringComparer.Ordinal).ToList();
        return new RoomingListData(hotel, ordered, lastSent);
    }

    /// <summary>The list as it stands, to compare the next one with.</summary>
    public static string Snapshot(RoomingListData list) =>
        string.Join('\n', list.Rows.Where(r => r.Change != RoomingChange.Removed).Select(r => r.Key));

    public static (IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<object?>> Rows) Table(RoomingListData list, Forum forum) =>
        (["Change 变动", "Room 房号", "Room type 房型", "Guest 宾客", "Name in own script 本国文字姓名", "Delegation 代表团", "Arrival 抵达", "Check-in 入住", "Check-out 退房", "Nights 晚数", "Notes 备注"],
        list.Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Change == RoomingChange.None ? null : Mark(r.Change), r.Room, $"{r.Type} {r.BlockEn}".Trim(), $"{r.Honorific} {r.LatinName}".Trim(), r.NativeName,
            r.Delegation, r.Arrival is null ? null : $"{r.Arrival} {ForumTime.ToLocal(r.ArrivalUtc!.Value, forum.TimeZone):yyyy-MM-dd HH:mm}",
            r.CheckIn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.CheckOut?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.CheckIn is { } i && r.CheckOut is { } o ? o.DayNumber - i.DayNumber : null, r.Notes,
        ]).ToList());

    public static ListData Document(RoomingListData list, Forum forum, DateTime nowUtc)
    {
        var (headings, rows) = Table(list, forum);
        var marked = list.LastSent is not null;
        var widths = new float[] { 11, 20, 26, 22, 22, 22, 12, 12, 7, 22 };
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
            Columns = headings.Skip(1).Zip(widths, (h, w) => new ListColumn(h, w)).ToList(),
            Rows = list.Rows.Select((r, i) => new ListRow(
                rows[i].Skip(1).Select((cell, c) => new ListCell(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty, c == 3 ? r.NativeLanguage : null)).ToList(),
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
