using System.Globalization;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Data;
using ForumManager.Documents.Lists;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Logistics;

public sealed record ManifestRow(int JourneyId, int DelegateId, string LatinName, string? NativeName, string? NativeLanguage, string? Honorific, string? Delegation,
    string? Phone, string Number, DateTime ScheduledUtc, string? Terminal, string? Hotel, bool Senior, string? Reference = null);

public sealed record ManifestData(Transfer Transfer, Vehicle Vehicle, PickupWave Wave, TransportHub Hub, IReadOnlyList<ManifestRow> Passengers);

/// <summary>A vehicle's passengers for one wave: what the driver and the liaison officer hold at the arrivals hall.</summary>
public sealed class Manifest(ForumDbContext db)
{
    public async Task<ManifestData?> BuildAsync(int forumId, int transferId, CancellationToken ct)
    {
        var transfer = await db.Transfers.AsNoTracking().Include(t => t.Vehicle).Include(t => t.PickupWave).ThenInclude(w => w!.Hub)
            .FirstOrDefaultAsync(t => t.Id == transferId && t.ForumId == forumId, ct);
        if (transfer is null)
            return null;

        var passengers = await db.Journeys.AsNoTracking().Where(j => j.TransferId == transferId)
            .Join(db.Delegates, j => j.DelegateId, d => d.Id, (j, d) => new { j, d })
            .OrderBy(x => x.j.ScheduledUtc).ThenBy(x => x.d.DelegationId).ThenBy(x => x.d.FamilyName)
            .Select(x => new ManifestRow(x.j.Id, x.d.Id, x.d.FamilyName.ToUpper() + " " + x.d.GivenName, x.d.NativeName,
                x.d.NativeNameLanguage, x.d.Honorific, x.d.Delegation == null ? null : x.d.Delegation.NameEn, x.d.Phone, x.j.Number, x.j.ScheduledUtc, x.j.Terminal,
                db.RoomOccupants.Where(o => o.DelegateId == x.d.Id).Select(o => o.HotelRoom!.RoomBlock!.Hotel!.NameEn).FirstOrDefault(),
                x.d.Category == Core.Delegates.DelegateCategory.Vip || x.d.Category == Core.Delegates.DelegateCategory.HeadOfDelegation, x.d.Reference))
            .ToListAsync(ct);
        return new ManifestData(transfer, transfer.Vehicle!, transfer.PickupWave!, transfer.PickupWave!.Hub!, passengers);
    }

    /// <summary>The sheet: the delegate's reference first, as in every export; the printed manifest leaves it out.</summary>
    public static (IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<object?>> Rows) Table(ManifestData manifest, Forum forum) =>
        (["Reference 参会编号", "No. 序号", "Guest 宾客", "Name in own script 本国文字姓名", "Delegation 代表团", "Flight or train 航班/车次", "Arrives 抵达", "Terminal 航站楼", "Phone 电话", "Hotel 酒店"],
        manifest.Passengers.Select((p, i) => (IReadOnlyList<object?>)
        [
            p.Reference, i + 1, $"{p.Honorific} {p.LatinName}".Trim() + (p.Senior ? " ★" : ""), p.NativeName, p.Delegation, p.Number,
            ForumTime.ToLocal(p.ScheduledUtc, forum.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), p.Terminal, p.Phone, p.Hotel,
        ]).ToList());

    public static ListData Document(ManifestData manifest, Forum forum)
    {
        var (headings, rows) = Table(manifest, forum);
        var zone = forum.TimeZone;
        var v = manifest.Vehicle;
        string Local(DateTime utc) => ForumTime.ToLocal(utc, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new ListData
        {
            Title = $"Vehicle manifest 乘车名单 · {v.Label}{(v.Plate is null ? "" : " · " + v.Plate)}",
            Subtitles =
            [
                $"{forum.NameZh} · {forum.NameEn}",
                $"{manifest.Hub.NameZh} {manifest.Hub.NameEn} · arrivals 抵达 {Local(manifest.Wave.StartUtc)}–{ForumTime.ToLocal(manifest.Wave.EndUtc, zone):HH:mm} · departs 发车 {Local(manifest.Wave.DepartsUtc)} ({ForumTime.OffsetLabel(manifest.Wave.DepartsUtc, zone)})",
                $"Driver 司机 {v.DriverName} {v.DriverPhone} · Liaison 联络员 {v.LiaisonName} {v.LiaisonPhone} · {manifest.Passengers.Count}/{manifest.Transfer.Seats} seats 座",
            ],
            Columns = headings.Skip(1).Zip(new float[] { 5, 24, 18, 20, 11, 14, 8, 16, 18 }, (h, w) => new ListColumn(h, w)).ToList(),
            Rows = manifest.Passengers.Select((p, i) => new ListRow(rows[i].Skip(1).Select((cell, c) =>
                new ListCell(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty, c == 2 ? p.NativeLanguage : null)).ToList())).ToList(),
            Footer = $"{forum.Acronym} · {v.Label} · {Local(manifest.Wave.DepartsUtc)}",
        };
    }
}
