using System.Security.Cryptography;
using System.Text;
using ForumManager.Core.Auditing;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Documents.Badges;
using ForumManager.Features.Badges;
using ForumManager.Features.Text;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.CheckIns;

/// <summary>What a scan found, as the desk's JSON answer gives it.</summary>
public static class ScanResults
{
    public const string CheckedIn = "checked-in";
    public const string AlreadyCheckedIn = "already-checked-in";
    public const string UnknownToken = "unknown-token";
    public const string NotApproved = "not-approved";

    /// <summary>The scan id was already used for another badge or checkpoint: nothing is recorded and nothing about that scan is told.</summary>
    public const string Conflict = "conflict";
}

public sealed record DeskDelegate(
    int Id, string LatinName, string? NativeName, string? NativeLanguage, string? Delegation, string Category, string Status, int Reprints, string Reference)
{
    /// <summary>The person's photo (not a refused one), so staff compare the face; null when there is none.</summary>
    public string? PhotoUrl { get; init; }

    /// <summary>Its thumbnail, for lists.</summary>
    public string? PhotoThumbnailUrl { get; init; }
}

public sealed record ScanAnswer(string Result, DeskDelegate? Delegate, DateTime? CheckedInUtc, string? CheckedInBy);

/// <summary>
/// Checks delegates in. A check-in is one row per delegate and checkpoint, kept unique by the database: of two
/// desks scanning the same badge at once, one inserts and the other is told "already checked in". A scan carries
/// an id the desk made, and every answer is kept under it (<see cref="Scan"/>), so a scan sent again (a lost answer, the
/// offline queue) gets the answer it got the first time, whichever it was; the id stands for that badge at that checkpoint
/// only, and the same id with another badge or checkpoint is a conflict.
/// </summary>
public sealed class CheckInDesk(ForumDbContext db, BadgeSource badges, TimeProvider clock)
{
    /// <summary>
    /// A new badge for someone who lost theirs: a new code, so the old badge no longer checks anyone in, the reprint
    /// audited with its reason and logged in the layout printed (the one chosen, or the delegate's category's).
    /// </summary>
    /// <returns>false when the edition has no such delegate.</returns>
    public async Task<bool> ReprintAsync(Forum forum, int delegateId, BadgeLayout? layout, string reason, Actor actor, CancellationToken ct)
    {
        var newToken = CheckInTokens.New();
        if (await db.Delegates.Where(d => d.Id == delegateId && d.ForumId == forum.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.CheckInToken, newToken), ct) == 0)
        {
            return false;
        }

        db.AuditEntries.Add(actor.Audit(forum.Id, clock.GetUtcNow().UtcDateTime, nameof(Core.Delegates.Delegate), delegateId, "badge-reprinted", after: reason));
        var category = await db.Delegates.Where(d => d.Id == delegateId && d.ForumId == forum.Id).Select(d => d.Category).FirstAsync(ct);
        await badges.LogPrintsAsync(forum.Id, [delegateId], layout ?? (await badges.LayoutsAsync(forum.Id, ct))[category], actor.Name, reason, ct);
        return true;
    }

    public async Task<bool> IsCheckpointAsync(int forumId, string checkpoint, CancellationToken ct)
    {
        if (checkpoint == Checkpoints.Main)
        {
            return true;
        }

        var sessionId = Checkpoints.SessionId(checkpoint);
        return sessionId is { } id && await db.Sessions.AnyAsync(s => s.Id == id && s.ForumId == forumId, ct);
    }

    /// <param name="scannedUtc">When the desk made the scan (an offline desk sends it later); null for now. The caller bounds it.</param>
    public async Task<ScanAnswer> ScanAsync(int forumId, string? token, string checkpoint, string? scanId, string byName, CancellationToken ct, DateTime? scannedUtc = null)
    {
        var normalized = CheckInTokens.Normalize(token);
        var scan = NewScan(forumId, scanId, normalized ?? Digest(token), checkpoint, byName);
        if (scan is not null && scannedUtc is { } madeAt)
        {
            scan.ScannedUtc = madeAt;
        }

        if (scan is not null && await RecordedAsync(scan, ct) is { } recorded)
        {
            return recorded;
        }

        var delegateId = normalized is null ? null : await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && d.CheckInToken == normalized)
            .Select(d => (int?)d.Id)
            .FirstOrDefaultAsync(ct);
        return await AnswerAsync(forumId, delegateId, checkpoint, scan, byName, ct, scannedUtc);
    }

    /// <summary>Checks in a delegate found by search rather than by scan.</summary>
    public async Task<ScanAnswer> CheckInAsync(int forumId, int delegateId, string checkpoint, string? scanId, string byName, CancellationToken ct)
    {
        var scan = NewScan(forumId, scanId, "delegate:" + delegateId.ToString(System.Globalization.CultureInfo.InvariantCulture), checkpoint, byName);
        if (scan is not null && await RecordedAsync(scan, ct) is { } recorded)
        {
            return recorded;
        }

        return await AnswerAsync(forumId, delegateId, checkpoint, scan, byName, ct);
    }

    /// <summary>Answers a scan the database has not seen, and keeps the answer under its id in the same save as the check-in.</summary>
    private async Task<ScanAnswer> AnswerAsync(int forumId, int? delegateId, string checkpoint, Scan? scan, string byName, CancellationToken ct, DateTime? scannedUtc = null)
    {
        var person = delegateId is { } id ? await DescribeAsync(forumId, id, ct) : null;
        if (person is null)
        {
            return await KeepAsync(scan, null, new ScanAnswer(ScanResults.UnknownToken, null, null, null), ct);
        }

        if (person.Status != nameof(RegistrationStatus.Approved))
        {
            return await KeepAsync(scan, person.Id, new ScanAnswer(ScanResults.NotApproved, person, null, null), ct);
        }

        var checkIn = new CheckIn
        {
            ForumId = forumId,
            DelegateId = person.Id,
            Checkpoint = checkpoint,
            ScanId = scan?.ScanId,
            CheckedInUtc = scannedUtc ?? clock.GetUtcNow().UtcDateTime,
            ByName = byName,
        };
        db.CheckIns.Add(checkIn);
        if (scan is not null)
        {
            scan.DelegateId = person.Id;
            scan.Result = ScanResults.CheckedIn;
            db.Scans.Add(scan);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return Answer(ScanResults.CheckedIn, person, checkIn);
        }
        catch (DbUpdateException)
        {
            // A unique index refused the save, and with it both rows: this scan id arrived twice at once, or another desk
            // checked the badge in first.
            db.Entry(checkIn).State = EntityState.Detached;
            if (scan is not null)
            {
                db.Entry(scan).State = EntityState.Detached;
            }

            if (scan is not null && await RecordedAsync(scan, ct) is { } sameId)
            {
                return sameId;
            }

            var first = await db.CheckIns.AsNoTracking()
                .FirstOrDefaultAsync(c => c.DelegateId == person.Id && c.Checkpoint == checkpoint, ct);
            if (first is null)
            {
                throw;
            }

            if (scannedUtc is { } earlier && earlier < first.CheckedInUtc && await EarliestAsync(person.Id, checkpoint, earlier, byName, ct) is { } moved)
            {
                return await KeepAsync(scan, person.Id, Answer(ScanResults.CheckedIn, person, moved), ct);
            }

            return await KeepAsync(scan, person.Id, Answer(ScanResults.AlreadyCheckedIn, person, first), ct);
        }
    }

    /// <summary>
    /// Two desks that scanned one badge offline count one check-in, at the earlier scan: the row takes this scan's time
    /// and desk only if it is still later, in one conditional update, so syncs in any order and at once end the same.
    /// </summary>
    /// <returns>The check-in as this scan left it, or null when an earlier scan holds it.</returns>
    private async Task<CheckIn?> EarliestAsync(int delegateId, string checkpoint, DateTime scannedUtc, string byName, CancellationToken ct)
    {
        var moved = await db.CheckIns
            .Where(c => c.DelegateId == delegateId && c.Checkpoint == checkpoint && c.CheckedInUtc > scannedUtc)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.CheckedInUtc, scannedUtc).SetProperty(c => c.ByName, byName), ct);
        return moved == 0 ? null
            : await db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.DelegateId == delegateId && c.Checkpoint == checkpoint, ct);
    }

    /// <summary>Keeps an answer that records no check-in under its scan id; if the id was kept meanwhile, that one decides.</summary>
    private async Task<ScanAnswer> KeepAsync(Scan? scan, int? delegateId, ScanAnswer answer, CancellationToken ct)
    {
        if (scan is null)
        {
            return answer;
        }

        scan.DelegateId = delegateId;
        scan.Result = answer.Result;
        db.Scans.Add(scan);
        try
        {
            await db.SaveChangesAsync(ct);
            return answer;
        }
        catch (DbUpdateException)
        {
            db.Entry(scan).State = EntityState.Detached;
            return await RecordedAsync(scan, ct) ?? throw new InvalidOperationException($"Scan {scan.ScanId} could not be kept, yet none is kept under its id.");
        }
    }

    /// <summary>
    /// The answer to a scan id already kept: the first answer again when it is the same badge at the same checkpoint, a
    /// conflict otherwise (an id made twice, or a desk's bug), which says nothing of the scan that has it.
    /// </summary>
    private async Task<ScanAnswer?> RecordedAsync(Scan scan, CancellationToken ct)
    {
        var scanId = scan.ScanId;
        var kept = await db.Scans.AsNoTracking().FirstOrDefaultAsync(s => s.ScanId == scanId, ct);
        if (kept is null)
        {
            return null;
        }

        if (kept.ForumId != scan.ForumId || kept.Badge != scan.Badge || kept.Checkpoint != scan.Checkpoint)
        {
            return new ScanAnswer(ScanResults.Conflict, null, null, null);
        }

        var person = kept.DelegateId is { } id ? await DescribeAsync(kept.ForumId, id, ct) : null;
        if (person is null || kept.Result is not (ScanResults.CheckedIn or ScanResults.AlreadyCheckedIn))
        {
            return new ScanAnswer(kept.Result, person, null, null);
        }

        var checkIn = await db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.DelegateId == person.Id && c.Checkpoint == kept.Checkpoint, ct);
        return new ScanAnswer(kept.Result, person, checkIn?.CheckedInUtc, checkIn?.ByName);
    }

    /// <summary>The scan to keep, or null when the desk gave it no id (then nothing is kept and nothing compared).</summary>
    private Scan? NewScan(int forumId, string? scanId, string badge, string checkpoint, string byName) =>
        string.IsNullOrWhiteSpace(scanId) ? null : new Scan
        {
            ForumId = forumId,
            ScanId = scanId.Trim(),
            Badge = badge,
            Checkpoint = checkpoint,
            Result = string.Empty,
            ScannedUtc = clock.GetUtcNow().UtcDateTime,
            ByName = byName,
        };

    /// <summary>Text that is no token is kept as a digest: another text sent under the same scan id is another badge.</summary>
    private static string Digest(string? text) =>
        "text:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text?.Trim() ?? string.Empty)).AsSpan(0, 16));

    public async Task<DeskDelegate?> DescribeAsync(int forumId, int delegateId, CancellationToken ct) =>
        (await DescribeAsync(forumId, [delegateId], ct)).FirstOrDefault();

    /// <summary>The desk's view of several delegates in one query, in no particular order.</summary>
    public async Task<IReadOnlyList<DeskDelegate>> DescribeAsync(int forumId, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        // The delegation in the desk's language, as its counts name it.
        var chinese = UiLanguage.Chinese;
        var rows = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && ids.Contains(d.Id))
            .Select(d => new
            {
                d.Id, d.Reference, d.FamilyName, d.GivenName, d.NativeName, d.NativeNameLanguage, d.Category, d.Status,
                Delegation = d.Delegation == null ? null : chinese ? d.Delegation.NameZh : d.Delegation.NameEn,
                Reprints = db.BadgePrints.Count(p => p.DelegateId == d.Id && p.ReprintReason != null),
                Photo = db.DelegatePhotos.Where(p => p.DelegateId == d.Id && p.Status != Core.Accreditation.PhotoStatus.Refused).Select(p => (int?)p.Version).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(row => new DeskDelegate(row.Id, row.FamilyName.ToUpperInvariant() + " " + row.GivenName, row.NativeName,
            row.NativeNameLanguage, row.Delegation, row.Category.ToString(), row.Status.ToString(), row.Reprints, row.Reference)
        {
            PhotoUrl = row.Photo is { } photo ? Accreditation.AccreditationPhotos.Url(row.Id, photo) : null,
            PhotoThumbnailUrl = row.Photo is { } thumb ? Accreditation.AccreditationPhotos.Url(row.Id, thumb, thumbnail: true) : null,
        }).ToList();
    }

    /// <summary>Checkpoints the desk offers: the main entrance, then the sessions people enter by badge, in programme order.</summary>
    public async Task<IReadOnlyList<(string Code, string NameEn, string NameZh)>> CheckpointsAsync(int forumId, CancellationToken ct)
    {
        SessionType[] doors = [SessionType.SpecialTopicForum, SessionType.ThemeForum, SessionType.Banquet, SessionType.TreePlanting, SessionType.OpeningCeremony];
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.ForumId == forumId && doors.Contains(s.Type))
            .OrderBy(s => s.StartUtc).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.TitleEn, s.TitleZh })
            .ToListAsync(ct);
        var list = new List<(string, string, string)> { (Checkpoints.Main, "Main entrance", "主入口") };
        list.AddRange(sessions.Select(s => (Checkpoints.ForSession(s.Id), s.TitleEn, s.TitleZh)));
        return list;
    }

    private static ScanAnswer Answer(string result, DeskDelegate person, CheckIn checkIn) =>
        new(result, person, checkIn.CheckedInUtc, checkIn.ByName);
}
