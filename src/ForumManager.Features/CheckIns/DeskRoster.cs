using System.Security.Cryptography;
using System.Text;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features.Text;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.CheckIns;

/// <summary>One person as a desk keeps them to search and decide offline: never the badge's token, only its SHA-256.</summary>
public sealed record RosterPerson(
    int Id, string Reference, string LatinName, string? NativeName, string? NativeLanguage, string SearchKey, string? Delegation,
    string Category, string Status, string Clearance, string TokenHash, IReadOnlyList<AdmissionWindow> Windows, DateTime? CheckedInUtc,
    string? CheckedInBy);

/// <summary>An interval, in UTC, during which a checkpoint admits a person: from <see cref="StartUtc"/> up to but not including <see cref="EndUtc"/>.</summary>
public sealed record AdmissionWindow(DateTime StartUtc, DateTime EndUtc);

/// <summary>What a desk needs for its checkpoint to go on without the network.</summary>
public sealed record Roster(
    string Checkpoint, DateTime GeneratedUtc, bool ClearanceRequired, IReadOnlyList<string> RevokedTokenHashes, IReadOnlyList<RosterPerson> People);

/// <summary>
/// The list a desk downloads every minute and keeps in the browser, so that with the network gone it still finds people
/// by name and decides a scan by the rules the server uses. The rules that vary are each in one method here, so that
/// the server's answer and the desk's offline answer come from the same place: <see cref="AdmissionWindowsAsync"/> and
/// <see cref="RevokedTokenHashesAsync"/>.
/// </summary>
public sealed class DeskRoster(ForumDbContext db, TimeProvider clock)
{
    /// <summary>The roster of a checkpoint, with delegations named in the reader's language; everyone of the edition, so that a refusal can name them.</summary>
    public async Task<Roster> ForCheckpointAsync(Forum forum, string checkpoint, CancellationToken ct)
    {
        var chinese = UiLanguage.Chinese;
        var forumId = forum.Id;
        var rows = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId)
            .OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName).ThenBy(d => d.Id)
            .Select(d => new
            {
                d.Id, d.Reference, d.FamilyName, d.GivenName, d.NativeName, d.NativeNameLanguage, d.SearchKey, d.Category, d.Status,
                d.Clearance, d.CheckInToken,
                Delegation = d.Delegation == null ? null : chinese ? d.Delegation.NameZh : d.Delegation.NameEn,
            })
            .ToListAsync(ct);
        var checkIns = await db.CheckIns.AsNoTracking()
            .Where(c => c.ForumId == forumId && c.Checkpoint == checkpoint)
            .Select(c => new { c.DelegateId, c.CheckedInUtc, c.ByName })
            .ToDictionaryAsync(c => c.DelegateId, ct);
        var approved = rows.Where(r => r.Status == RegistrationStatus.Approved).Select(r => r.Id).ToList();
        var windows = await AdmissionWindowsAsync(forum, checkpoint, approved, ct);
        var people = rows.Select(r =>
        {
            checkIns.TryGetValue(r.Id, out var checkIn);
            return new RosterPerson(r.Id, r.Reference, r.FamilyName.ToUpperInvariant() + " " + r.GivenName, r.NativeName, r.NativeNameLanguage,
                r.SearchKey, r.Delegation, r.Category.ToString(), r.Status.ToString(), r.Clearance.ToString(), TokenHash(r.CheckInToken),
                windows.TryGetValue(r.Id, out var open) ? open : [], checkIn?.CheckedInUtc, checkIn?.ByName);
        }).ToList();
        return new Roster(checkpoint, clock.GetUtcNow().UtcDateTime, forum.ClearanceRequired, await RevokedTokenHashesAsync(forumId, ct), people);
    }

    /// <summary>
    /// When <paramref name="checkpoint"/> admits each of <paramref name="delegateIds"/>, as UTC intervals. For now every
    /// approved person is admitted at the main entrance and at every session's door for the whole forum, from its first
    /// day's midnight to the midnight after its last day, in the forum's time zone. Zone rules replace this one method.
    /// </summary>
    public Task<IReadOnlyDictionary<int, IReadOnlyList<AdmissionWindow>>> AdmissionWindowsAsync(
        Forum forum, string checkpoint, IReadOnlyCollection<int> delegateIds, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        IReadOnlyList<AdmissionWindow> wholeForum = checkpoint == Checkpoints.Main || Checkpoints.SessionId(checkpoint) is not null
            ? [new AdmissionWindow(ForumTime.ToUtc(forum.StartDate, TimeOnly.MinValue, forum.TimeZone), ForumTime.ToUtc(forum.EndDate.AddDays(1), TimeOnly.MinValue, forum.TimeZone))]
            : [];
        IReadOnlyDictionary<int, IReadOnlyList<AdmissionWindow>> windows = delegateIds.Distinct().ToDictionary(id => id, _ => wholeForum);
        return Task.FromResult(windows);
    }

    /// <summary>
    /// The SHA-256 (lower-case hex) of every token that must be refused as <c>revoked</c>. None yet: badges replaced by a
    /// reprint are unknown rather than revoked until a table of revoked tokens exists, which this method will read.
    /// </summary>
    public Task<IReadOnlyList<string>> RevokedTokenHashesAsync(int forumId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<string>>([]);
    }

    /// <summary>The hash a desk compares a scanned code with: SHA-256 of the token as printed (lower-case hex), in lower-case hex.</summary>
    public static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
