using System.Security.Cryptography;
using System.Text;
using ForumManager.Core.Accreditation;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features.Accreditation;
using ForumManager.Features.Text;
using ForumManager.Features.Zones;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.CheckIns;

/// <summary>One person as a desk keeps them to search and decide offline: never the badge's token, only its SHA-256.</summary>
public sealed record RosterPerson(
    int Id, string Reference, string LatinName, string? NativeName, string? NativeLanguage, string SearchKey, string? Delegation,
    string Category, string Status, string Clearance, string TokenHash, IReadOnlyList<AdmissionWindow> Windows, DateTime? CheckedInUtc,
    string? CheckedInBy)
{
    /// <summary>The person's photo thumbnail as a data URI (not a refused photo), so an offline desk still shows the face.</summary>
    public string? Thumbnail { get; init; }
}

/// <summary>An interval, in UTC, during which a checkpoint admits a person: from <see cref="StartUtc"/> up to but not including <see cref="EndUtc"/>.</summary>
public sealed record AdmissionWindow(DateTime StartUtc, DateTime EndUtc);

/// <summary>What a desk needs for its checkpoint to go on without the network.</summary>
public sealed record Roster(
    string Checkpoint, DateTime GeneratedUtc, bool ClearanceRequired, IReadOnlyList<string> RevokedTokenHashes, IReadOnlyList<RosterPerson> People);

/// <summary>
/// The list a desk downloads every minute and keeps in the browser, so that with the network gone it still finds people
/// by name and decides a scan by the rules the server uses. The rules that vary are each in one method here, so that
/// the server's answer and the desk's offline answer come from the same grants: <see cref="AdmissionWindowsAsync"/> and
/// <see cref="RevokedTokenHashesAsync"/>.
/// </summary>
public sealed class DeskRoster(ForumDbContext db, ZoneAccess zones, PhotoVault vault, TimeProvider clock)
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
        var approved = rows.Where(r => r.Status == RegistrationStatus.Approved).Select(r => (r.Id, r.Category)).ToList();
        var windows = await AdmissionWindowsAsync(forum, checkpoint, approved, ct);
        var faces = await ThumbnailsAsync(forumId, ct);
        var people = rows.Select(r =>
        {
            checkIns.TryGetValue(r.Id, out var checkIn);
            return new RosterPerson(r.Id, r.Reference, r.FamilyName.ToUpperInvariant() + " " + r.GivenName, r.NativeName, r.NativeNameLanguage,
                r.SearchKey, r.Delegation, r.Category.ToString(), r.Status.ToString(), r.Clearance.ToString(), TokenHash(r.CheckInToken),
                windows.TryGetValue(r.Id, out var open) ? open : [], checkIn?.CheckedInUtc, checkIn?.ByName)
            {
                Thumbnail = faces.GetValueOrDefault(r.Id),
            };
        }).ToList();
        return new Roster(checkpoint, clock.GetUtcNow().UtcDateTime, forum.ClearanceRequired, await RevokedTokenHashesAsync(forumId, ct), people);
    }

    /// <summary>
    /// When <paramref name="checkpoint"/> admits each of <paramref name="people"/>, as UTC intervals. The main entrance
    /// and every session's door admit every approved person for the whole forum, from its first day's midnight to the
    /// midnight after its last day, in the forum's time zone; a zone's entry door admits each person when the zone's
    /// rule does (<see cref="ZoneAccess.WindowsAsync"/>, the grants and exceptions the server's own answer reads), and
    /// a zone's exit lets everyone out.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<AdmissionWindow>>> AdmissionWindowsAsync(
        Forum forum, string checkpoint, IReadOnlyCollection<(int Id, DelegateCategory Category)> people, CancellationToken ct)
    {
        IReadOnlyList<AdmissionWindow> wholeForum =
            [new AdmissionWindow(ForumTime.ToUtc(forum.StartDate, TimeOnly.MinValue, forum.TimeZone), ForumTime.ToUtc(forum.EndDate.AddDays(1), TimeOnly.MinValue, forum.TimeZone))];
        if (ZoneCheckpoints.Id(checkpoint) is { } doorId)
        {
            var door = await zones.DoorAsync(forum.Id, doorId, ct);
            if (door is null)
            {
                return people.Select(p => p.Id).Distinct().ToDictionary(id => id, _ => (IReadOnlyList<AdmissionWindow>)[]);
            }

            if (door.Direction != CheckpointDirection.Exit)
            {
                var open = await zones.WindowsAsync(forum, door.ZoneId, people, ct);
                return open.ToDictionary(p => p.Key, p => (IReadOnlyList<AdmissionWindow>)[.. p.Value.Select(w => new AdmissionWindow(w.StartUtc, w.EndUtc))]);
            }
        }
        else if (checkpoint != Checkpoints.Main && Checkpoints.SessionId(checkpoint) is null)
        {
            wholeForum = [];
        }

        return people.Select(p => p.Id).Distinct().ToDictionary(id => id, _ => wholeForum);
    }

    /// <summary>The SHA-256 (lower-case hex) of every token a reprint replaced: such a badge is refused as <c>revoked</c>.</summary>
    public async Task<IReadOnlyList<string>> RevokedTokenHashesAsync(int forumId, CancellationToken ct) =>
        (await db.RevokedTokens.AsNoTracking().Where(t => t.ForumId == forumId).Select(t => t.Token).ToListAsync(ct)).Select(TokenHash).ToList();

    /// <summary>Each photo's thumbnail (pending or approved, never refused) as a data URI; a few kilobytes each.</summary>
    private async Task<Dictionary<int, string>> ThumbnailsAsync(int forumId, CancellationToken ct)
    {
        var stored = await db.DelegatePhotos.AsNoTracking()
            .Where(p => p.ForumId == forumId && p.Status != PhotoStatus.Refused)
            .Select(p => new { p.DelegateId, p.ThumbnailProtected })
            .ToListAsync(ct);
        var faces = new Dictionary<int, string>();
        foreach (var photo in stored)
        {
            if (vault.Unprotect(photo.ThumbnailProtected) is { } jpeg)
            {
                faces[photo.DelegateId] = "data:image/jpeg;base64," + Convert.ToBase64String(jpeg);
            }
        }

        return faces;
    }

    /// <summary>The hash a desk compares a scanned code with: SHA-256 of the token as printed (lower-case hex), in lower-case hex.</summary>
    public static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
