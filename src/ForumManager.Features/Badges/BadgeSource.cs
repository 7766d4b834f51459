using System.Globalization;
using ForumManager.Core.Accreditation;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Registration;
using ForumManager.Data;
using ForumManager.Documents;
using ForumManager.Documents.Badges;
using ForumManager.Features.Zones;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Badges;

/// <summary>Turns delegates into badges: what each badge says, the layout its category prints in, and the log of every print.</summary>
public sealed class BadgeSource(ForumDbContext db, DocumentHealth health, ZoneAccess zones, TimeProvider clock, Accreditation.AccreditationPhotos photos)
{
    /// <summary>The layout chosen for each category; A6 where organizers chose nothing.</summary>
    public async Task<Dictionary<DelegateCategory, BadgeLayout>> LayoutsAsync(int forumId, CancellationToken ct)
    {
        var chosen = await db.BadgeLayoutChoices.AsNoTracking().Where(c => c.ForumId == forumId).ToListAsync(ct);
        return Enum.GetValues<DelegateCategory>().ToDictionary(
            c => c,
            c => chosen.FirstOrDefault(x => x.Category == c) is { } x ? (BadgeLayout)x.Layout : BadgeLayout.A6);
    }

    /// <summary>
    /// Badges for the delegates given, in the order given, each with the zones it opens. When the forum requires
    /// clearance, nobody the security office has not cleared gets one: they are left out (see <see cref="NotClearedAsync"/>).
    /// </summary>
    public async Task<List<BadgeData>> BadgesAsync(Forum forum, IReadOnlyList<int> delegateIds, CancellationToken ct)
    {
        var rows = new List<BadgeRow>(delegateIds.Count);
        foreach (var chunk in delegateIds.Chunk(500))
        {
            rows.AddRange(await Query(forum.Id, d => chunk.Contains(d.Id)).ToListAsync(ct));
        }

        var byId = rows.Where(r => Clearance.Admits(forum.ClearanceRequired, r.Clearance)).ToDictionary(r => r.Id);
        var opened = await zones.BadgeZonesAsync(forum.Id, byId.Values.Select(r => (r.Id, r.Category)).ToList(), ct);
        var faces = await photos.ApprovedAsync(forum.Id, [.. byId.Keys], ct);
        return delegateIds.Where(byId.ContainsKey).Select(id => Badge(forum, byId[id], opened[id]) with { Photo = faces.GetValueOrDefault(id) }).ToList();
    }

    /// <summary>Of the delegates given, those whose badge may not be printed because the forum requires clearance and they have none.</summary>
    public async Task<IReadOnlyList<int>> NotClearedAsync(Forum forum, IReadOnlyCollection<int> delegateIds, CancellationToken ct)
    {
        if (!forum.ClearanceRequired)
        {
            return [];
        }

        var found = new List<int>();
        foreach (var chunk in delegateIds.Chunk(500))
        {
            found.AddRange(await db.Delegates.AsNoTracking()
                .Where(d => d.ForumId == forum.Id && chunk.Contains(d.Id) && d.Clearance != ClearanceStatus.Cleared)
                .Select(d => d.Id).ToListAsync(ct));
        }

        return found;
    }

    /// <summary>Renders, records what could not be drawn for <c>/health</c>, and logs each badge as printed.</summary>
    public async Task<PdfResult> PrintAsync(Forum forum, IReadOnlyList<int> delegateIds, BadgeLayout layout, string byName, string? reprintReason, CancellationToken ct, IProgress<int>? progress = null)
    {
        var (result, printed) = await RenderAsync(forum, delegateIds, layout, ct, progress);
        await LogPrintsAsync(forum.Id, printed, layout, byName, reprintReason, ct);
        return result;
    }

    /// <summary>Renders without logging a print; what could not be drawn is recorded for <c>/health</c>.</summary>
    public async Task<(PdfResult Result, IReadOnlyList<int> Printed)> RenderAsync(Forum forum, IReadOnlyList<int> delegateIds, BadgeLayout layout, CancellationToken ct, IProgress<int>? progress = null)
    {
        // A desk's single badge and a background batch of thousands alike: the span says how many and how long.
        using var activity = FeatureTelemetry.Source.StartActivity("badges render");
        activity?.SetTag(FeatureTelemetry.ForumTag, forum.Id);
        activity?.SetTag("forummanager.badges.count", delegateIds.Count);
        var badges = await BadgesAsync(forum, delegateIds, ct);
        var result = BadgeDocument.Render(badges, layout, forum.NameEn, progress);
        health.Record(result.Missing);
        return (result, badges.Select(b => b.DelegateId).ToList());
    }

    public async Task LogPrintsAsync(int forumId, IReadOnlyList<int> delegateIds, BadgeLayout layout, string byName, string? reprintReason, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in delegateIds)
        {
            db.BadgePrints.Add(new BadgePrint { ForumId = forumId, DelegateId = id, PrintedUtc = now, ByName = byName, Layout = (int)layout, ReprintReason = reprintReason });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A sample badge for the layout preview: the first delegate of the category, or a made-up one.</summary>
    public async Task<BadgeData> SampleAsync(Forum forum, DelegateCategory category, CancellationToken ct)
    {
        var row = await Query(forum.Id, d => d.Category == category, first: true).FirstOrDefaultAsync(ct)
            ?? new BadgeRow(0, "SAMPLE", "Name", "样例", "zh-Hans", null, null, null, null, null, null, "CN", category, 0, CheckInTokens.New(), null, ClearanceStatus.Cleared);
        var opened = await zones.BadgeZonesAsync(forum.Id, [(row.Id, row.Category)], ct);
        return Badge(forum, row, opened[row.Id]);
    }

    private IQueryable<BadgeRow> Query(int forumId, System.Linq.Expressions.Expression<Func<Delegate, bool>> filter, bool first = false)
    {
        var query = db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId).Where(filter);
        if (first)
        {
            query = query.OrderBy(d => d.PrecedenceRank).ThenBy(d => d.Id).Take(1);
        }

        return query.Select(d => new BadgeRow(
            d.Id, d.FamilyName, d.GivenName, d.NativeName, d.NativeNameLanguage, d.Honorific, d.Position, d.Organization,
            d.Delegation == null ? null : d.Delegation.NameEn,
            d.Delegation == null || d.Delegation.PartnerCity == null ? null : d.Delegation.PartnerCity.NameEn,
            d.Delegation == null || d.Delegation.PartnerCity == null ? null : d.Delegation.PartnerCity.NameLocal,
            d.CountryCode, d.Category, d.PrecedenceRank, d.CheckInToken, d.Reference, d.Clearance));
    }

    private static BadgeData Badge(Forum forum, BadgeRow row, IReadOnlyList<BadgeZone> opened)
    {
        var country = Countries.Find(row.CountryCode)?.NameEn ?? row.CountryCode;
        var place = row.City ?? row.DelegationName;
        return new BadgeData
        {
            DelegateId = row.Id,
            ForumNameEn = forum.NameEn,
            ForumNameZh = forum.NameZh,
            ForumMark = Mark(forum.Acronym),
            NativeName = row.NativeName,
            NativeLanguage = row.NativeLanguage,
            LatinName = row.FamilyName.ToUpperInvariant() + " " + row.GivenName,
            HonorificAndPosition = string.Join(' ', new[] { row.Honorific, row.Position }.Where(s => !string.IsNullOrWhiteSpace(s))),
            Organization = row.Organization,
            Delegation = place is null ? country : $"{place} · {country}",
            Category = row.Category,
            Admits = Days(forum),
            Zones = opened.Select(z => new BadgeZoneMark(z.Code, z.NameEn, z.NameZh)).ToList(),
            Token = row.Token,
            Reference = row.Reference,
        };
    }

    /// <summary>The forum's mark: the letters of its acronym, without the year.</summary>
    private static string Mark(string acronym)
    {
        var letters = new string(acronym.Where(char.IsLetter).ToArray());
        return letters.Length is > 0 and <= 6 ? letters : acronym[..Math.Min(acronym.Length, 6)];
    }

    /// <summary>The forum's days in both languages; the zones are printed beside them, each as its code in a box.</summary>
    public static string Days(Forum forum)
    {
        var en = CultureInfo.GetCultureInfo("en-GB");
        var days = forum.StartDate.Month == forum.EndDate.Month
            ? $"{forum.StartDate.Day}–{forum.EndDate.ToString("d MMMM yyyy", en)}"
            : $"{forum.StartDate.ToString("d MMMM", en)} – {forum.EndDate.ToString("d MMMM yyyy", en)}";
        var zhDays = $"{forum.StartDate.Month}月{forum.StartDate.Day}日至{forum.EndDate.Month}月{forum.EndDate.Day}日";
        return $"{days} · {zhDays}";
    }

    private sealed record BadgeRow(
        int Id, string FamilyName, string GivenName, string? NativeName, string? NativeLanguage, string? Honorific, string? Position,
        string? Organization, string? DelegationName, string? City, string? CityLocal, string CountryCode, DelegateCategory Category,
        int PrecedenceRank, string Token, string? Reference, ClearanceStatus Clearance);
}
