using System.Security.Cryptography;
using System.Text;
using ForumManager.Core.Accreditation;
using ForumManager.Core.Auditing;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Documents.Badges;
using ForumManager.Features.Badges;
using ForumManager.Features.Text;
using ForumManager.Features.Zones;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.CheckIns;

/// <summary>What a scan found, as the desk's JSON answer gives it.</summary>
public static class ScanResults
{
    public const string CheckedIn = "checked-in";
    public const string AlreadyCheckedIn = "already-checked-in";
    public const string UnknownToken = "unknown-token";
    public const string NotApproved = "not-approved";

    /// <summary>A zone's door let the badge through.</summary>
    public const string Admitted = "admitted";

    /// <summary>A door refused the badge; the answer's reason says why (<see cref="RefusalReasons"/>).</summary>
    public const string Refused = "refused";

    /// <summary>The scan id was already used for another badge or checkpoint: nothing is recorded and nothing about that scan is told.</summary>
    public const string Conflict = "conflict";
}

public sealed record DeskDelegate(
    int Id, string LatinName, string? NativeName, string? NativeLanguage, string? Delegation, string Category, string Status, int Reprints, string Reference,
    bool Cleared = true)
{
    /// <summary>The person's photo (not a refused one), so staff compare the face; null when there is none.</summary>
    public string? PhotoUrl { get; init; }

    /// <summary>Its thumbnail, for lists.</summary>
    public string? PhotoThumbnailUrl { get; init; }
}

/// <summary>A scan's answer; the reason says why a door refused it.</summary>
public sealed record ScanAnswer(string Result, DeskDelegate? Delegate, DateTime? CheckedInUtc, string? CheckedInBy, string? Reason = null);

public enum ReprintOutcome
{
    Done,
    NotFound,

    /// <summary>The forum requires clearance and the security office has not cleared the person: no badge is printed.</summary>
    NotCleared,
}

/// <summary>
/// Checks delegates in. A check-in is one row per delegate and checkpoint, kept unique by the database: of two
/// desks scanning the same badge at once, one inserts and the other is told "already checked in". A scan carries
/// an id the desk made, and every answer is kept under it (<see cref="Scan"/>), so a scan sent again (a lost answer, the
/// offline queue) gets the answer it got the first time, whichever it was; the id stands for that badge at that checkpoint
/// only, and the same id with another badge or checkpoint is a conflict.
/// </summary>
public sealed class CheckInDesk(ForumDbContext db, BadgeSource badges, ZoneAccess zones, TimeProvider clock)
{
    /// <summary>
    /// A new badge for someone who lost theirs: a new code, so the old badge no longer checks anyone in, the reprint
    /// audited with its reason and logged in the layout printed (the one chosen, or the delegate's category's).
    /// The old token is kept as revoked, so a door scanning the lost badge says so. Nobody the security office has not
    /// cleared gets a badge when the forum requires clearance.
    /// </summary>
    public async Task<ReprintOutcome> ReprintAsync(Forum forum, int delegateId, BadgeLayout? layout, string reason, Actor actor, CancellationToken ct)
    {
        var current = await db.Delegates.AsNoTracking().Where(d => d.Id == delegateId && d.ForumId == forum.Id)
            .Select(d => new { d.CheckInToken, d.Category, d.Clearance }).FirstOrDefaultAsync(ct);
        if (current is null)
        {
            return ReprintOutcome.NotFound;
        }

        if (!Clearance.Admits(forum.ClearanceRequired, current.Clearance))
        {
            return ReprintOutcome.NotCleared;
        }

        var newToken = CheckInTokens.New();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Only the token read above is replaced: of two reprints at once, the second finds it gone and replaces the first's.
        var oldToken = current.CheckInToken;
        if (await db.Delegates.Where(d => d.Id == delegateId && d.ForumId == forum.Id && d.CheckInToken == oldToken)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.CheckInToken, newToken), ct) == 0)
        {
            oldToken = await db.Delegates.Where(d => d.Id == delegateId).Select(d => d.CheckInToken).FirstAsync(ct);
            await db.Delegates.Where(d => d.Id == delegateId).ExecuteUpdateAsync(u => u.SetProperty(d => d.CheckInToken, newToken), ct);
        }

        db.RevokedTokens.Add(new RevokedToken { ForumId = forum.Id, DelegateId = delegateId, Token = oldToken, RevokedUtc = now });
        db.AuditEntries.Add(actor.Audit(forum.Id, now, nameof(Core.Delegates.Delegate), delegateId, "badge-reprinted", after: reason));
        await badges.LogPrintsAsync(forum.Id, [delegateId], layout ?? (await badges.LayoutsAsync(forum.Id, ct))[current.Category], actor.Name, reason, ct);
        await transaction.CommitAsync(ct);
        return ReprintOutcome.Done;
    }

    public async Task<bool> IsCheckpointAsync(int forumId, string checkpoint, CancellationToken ct)
    {
        if (checkpoint == Checkpoints.Main)
        {
            return true;
        }

        if (ZoneCheckpoints.Id(checkpoint) is { } doorId)
        {
            return await db.ZoneCheckpoints.AnyAsync(c => c.Id == doorId && c.ForumId == forumId, ct);
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
        var revoked = false;
        if (delegateId is null && normalized is not null)
        {
            // A badge replaced by a reprint: its owner is known, and the door is told the badge no longer counts.
            delegateId = await db.RevokedTokens.AsNoTracking()
                .Where(t => t.ForumId == forumId && t.Token == normalized)
                .Select(t => (int?)t.DelegateId)
                .FirstOrDefaultAsync(ct);
            revoked = delegateId is not null;
        }

        return await AnswerAsync(forumId, delegateId, revoked, checkpoint, scan, byName, ct, scannedUtc);
    }

    /// <summary>Checks in a delegate found by search rather than by scan.</summary>
    public async Task<ScanAnswer> CheckInAsync(int forumId, int delegateId, string checkpoint, string? scanId, string byName, CancellationToken ct)
    {
        var scan = NewScan(forumId, scanId, "delegate:" + delegateId.ToString(System.Globalization.CultureInfo.InvariantCulture), checkpoint, byName);
        if (scan is not null && await RecordedAsync(scan, ct) is { } recorded)
        {
            return recorded;
        }

        return await AnswerAsync(forumId, delegateId, revoked: false, checkpoint, scan, byName, ct);
    }

    /// <summary>
    /// Answers a scan the database has not seen, and keeps the answer under its id in the same save as the check-in. A
    /// replaced badge, an uncleared person (when the forum requires clearance) and, at a zone's door, anyone no longer
    /// approved or outside the zone's rule are refused with the reason, and every refusal is kept, with or without the
    /// desk's id.
    /// </summary>
    private async Task<ScanAnswer> AnswerAsync(int forumId, int? delegateId, bool revoked, string checkpoint, Scan? scan, string byName, CancellationToken ct,
        DateTime? scannedUtc = null)
    {
        var person = delegateId is { } id ? await DescribeAsync(forumId, id, ct) : null;
        if (person is null)
        {
            return await KeepAsync(scan, null, new ScanAnswer(ScanResults.UnknownToken, null, null, null), ct);
        }

        var doorId = ZoneCheckpoints.Id(checkpoint);
        if (revoked || doorId is not null && person.Status != nameof(RegistrationStatus.Approved))
        {
            return await RefuseAsync(forumId, scan, person, checkpoint, RefusalReasons.Revoked, byName, ct);
        }

        if (person.Status != nameof(RegistrationStatus.Approved))
        {
            return await KeepAsync(scan, person.Id, new ScanAnswer(ScanResults.NotApproved, person, null, null), ct);
        }

        if (!person.Cleared)
        {
            return await RefuseAsync(forumId, scan, person, checkpoint, RefusalReasons.NotCleared, byName, ct);
        }

        if (doorId is { } door)
        {
            return await ZoneDoorAsync(forumId, door, person, checkpoint, scan, byName, ct);
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
            FeatureTelemetry.CountCheckIn(forumId, checkpoint);
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

    /// <summary>
    /// A zone's door: the rule is checked on the way in (an exit lets everyone out), and the person is counted in at an
    /// entry and out at an exit. The scan is kept whatever the answer.
    /// </summary>
    private async Task<ScanAnswer> ZoneDoorAsync(int forumId, int doorId, DeskDelegate person, string checkpoint, Scan? scan, string byName, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().SingleAsync(f => f.Id == forumId, ct);
        var door = await zones.DoorAsync(forumId, doorId, ct);
        if (door is null)
        {
            return await KeepAsync(scan, person.Id, new ScanAnswer(ScanResults.UnknownToken, null, null, null), ct);
        }

        if (door.Direction != CheckpointDirection.Exit
            && await zones.RefusalAsync(forum, person.Id, Enum.Parse<DelegateCategory>(person.Category), door.ZoneId, ct) is { } reason)
        {
            return await RefuseAsync(forumId, scan, person, checkpoint, reason, byName, ct);
        }

        if (door.Direction == CheckpointDirection.Entry)
        {
            await zones.EnterAsync(forumId, person.Id, door.ZoneId, ct);
        }
        else if (door.Direction == CheckpointDirection.Exit)
        {
            await zones.ExitAsync(person.Id, door.ZoneId, ct);
        }

        var kept = scan ?? ServerScan(forumId, person.Id, checkpoint, byName);
        return await KeepAsync(kept, person.Id, new ScanAnswer(ScanResults.Admitted, person, kept.ScannedUtc, byName), ct);
    }

    /// <summary>A refusal, kept with its reason under the desk's id, or under one of the server's when the desk gave none.</summary>
    private Task<ScanAnswer> RefuseAsync(int forumId, Scan? scan, DeskDelegate person, string checkpoint, string reason, string byName, CancellationToken ct) =>
        KeepAsync(scan ?? ServerScan(forumId, person.Id, checkpoint, byName), person.Id, new ScanAnswer(ScanResults.Refused, person, null, null, reason), ct);

    /// <summary>A scan the desk sent without an id, kept for the log under an id only the server makes.</summary>
    private Scan ServerScan(int forumId, int delegateId, string checkpoint, string byName) =>
        NewScan(forumId, "server:" + Guid.NewGuid().ToString("N"), "delegate:" + delegateId.ToString(System.Globalization.CultureInfo.InvariantCulture), checkpoint, byName)!;

    /// <summary>Keeps an answer that records no check-in under its scan id; if the id was kept meanwhile, that one decides.</summary>
    private async Task<ScanAnswer> KeepAsync(Scan? scan, int? delegateId, ScanAnswer answer, CancellationToken ct)
    {
        if (scan is null)
        {
            return answer;
        }

        scan.DelegateId = delegateId;
        scan.Result = answer.Result;
        scan.Reason = answer.Reason;
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
        if (kept.Result == ScanResults.Admitted)
        {
            return new ScanAnswer(kept.Result, person, kept.ScannedUtc, kept.ByName);
        }

        if (person is null || kept.Result is not (ScanResults.CheckedIn or ScanResults.AlreadyCheckedIn))
        {
            return new ScanAnswer(kept.Result, person, null, null, kept.Reason);
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
                Cleared = d.Clearance == ClearanceStatus.Cleared || !db.Forums.Any(f => f.Id == d.ForumId && f.ClearanceRequired),
                Photo = db.DelegatePhotos.Where(p => p.DelegateId == d.Id && p.Status != PhotoStatus.Refused).Select(p => (int?)p.Version).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(row => new DeskDelegate(row.Id, row.FamilyName.ToUpperInvariant() + " " + row.GivenName, row.NativeName,
            row.NativeNameLanguage, row.Delegation, row.Category.ToString(), row.Status.ToString(), row.Reprints, row.Reference, row.Cleared)
        {
            PhotoUrl = row.Photo is { } photo ? Accreditation.AccreditationPhotos.Url(row.Id, photo) : null,
            PhotoThumbnailUrl = row.Photo is { } thumb ? Accreditation.AccreditationPhotos.Url(row.Id, thumb, thumbnail: true) : null,
        }).ToList();
    }

    /// <summary>Checkpoints the desk offers: the main entrance, the zones' doors, then the sessions people enter by badge, in programme order.</summary>
    public async Task<IReadOnlyList<(string Code, string NameEn, string NameZh)>> CheckpointsAsync(int forumId, CancellationToken ct)
    {
        SessionType[] doors = [SessionType.SpecialTopicForum, SessionType.ThemeForum, SessionType.Banquet, SessionType.TreePlanting, SessionType.OpeningCeremony];
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.ForumId == forumId && doors.Contains(s.Type))
            .OrderBy(s => s.StartUtc).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.TitleEn, s.TitleZh })
            .ToListAsync(ct);
        var list = new List<(string, string, string)> { (Checkpoints.Main, SharedResource.Get("Zones_MainEntrance", "en"), SharedResource.Get("Zones_MainEntrance", "zh-Hans")) };
        list.AddRange((await zones.DoorsAsync(forumId, ct)).Select(d => (ZoneCheckpoints.For(d.Id), $"{d.Code} · {d.ZoneNameEn} · {d.NameEn}", $"{d.Code} · {d.ZoneNameZh} · {d.NameZh}")));
        list.AddRange(sessions.Select(s => (Checkpoints.ForSession(s.Id), s.TitleEn, s.TitleZh)));
        return list;
    }

    private static ScanAnswer Answer(string result, DeskDelegate person, CheckIn checkIn) =>
        new(result, person, checkIn.CheckedInUtc, checkIn.ByName);
}
