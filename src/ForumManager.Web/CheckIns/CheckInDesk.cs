using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Programme;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.CheckIns;

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
    int Id, string LatinName, string? NativeName, string? NativeLanguage, string? Delegation, string Category, string Status, int Reprints);

public sealed record ScanAnswer(string Result, DeskDelegate? Delegate, DateTime? CheckedInUtc, string? CheckedInBy);

/// <summary>
/// Checks delegates in. A check-in is one row per delegate and checkpoint, kept unique by the database: of two
/// desks scanning the same badge at once, one inserts and the other is told "already checked in". A scan carries
/// an id the desk made, so a scan sent again (a lost answer, the offline queue) gets the answer it got the first time;
/// the id stands for that badge at that checkpoint only, and the same id with another badge or checkpoint is a conflict.
/// </summary>
public sealed class CheckInDesk(ForumDbContext db, TimeProvider clock)
{
    public async Task<bool> IsCheckpointAsync(int forumId, string checkpoint, CancellationToken ct)
    {
        if (checkpoint == Checkpoints.Main)
        {
            return true;
        }

        var sessionId = Checkpoints.SessionId(checkpoint);
        return sessionId is { } id && await db.Sessions.AnyAsync(s => s.Id == id && s.ForumId == forumId, ct);
    }

    public async Task<ScanAnswer> ScanAsync(int forumId, string? token, string checkpoint, string? scanId, string byName, CancellationToken ct)
    {
        var normalized = CheckInTokens.Normalize(token);
        if (normalized is null)
        {
            return new ScanAnswer(ScanResults.UnknownToken, null, null, null);
        }

        var found = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && d.CheckInToken == normalized)
            .Select(d => new { d.Id, d.Status })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return new ScanAnswer(ScanResults.UnknownToken, null, null, null);
        }

        return await CheckInAsync(forumId, found.Id, checkpoint, scanId, byName, ct);
    }

    /// <summary>Checks in a delegate found by search rather than by scan.</summary>
    public async Task<ScanAnswer> CheckInAsync(int forumId, int delegateId, string checkpoint, string? scanId, string byName, CancellationToken ct)
    {
        var person = await DescribeAsync(forumId, delegateId, ct);
        if (person is null)
        {
            return new ScanAnswer(ScanResults.UnknownToken, null, null, null);
        }

        if (person.Status != nameof(RegistrationStatus.Approved))
        {
            return new ScanAnswer(ScanResults.NotApproved, person, null, null);
        }

        scanId = string.IsNullOrWhiteSpace(scanId) ? null : scanId.Trim();
        if (scanId is not null && await ResentAsync(scanId, delegateId, checkpoint, person, ct) is { } resent)
        {
            return resent;
        }

        var checkIn = new CheckIn
        {
            ForumId = forumId,
            DelegateId = delegateId,
            Checkpoint = checkpoint,
            ScanId = scanId,
            CheckedInUtc = clock.GetUtcNow().UtcDateTime,
            ByName = byName,
        };
        db.CheckIns.Add(checkIn);
        try
        {
            await db.SaveChangesAsync(ct);
            return Answer(ScanResults.CheckedIn, person, checkIn);
        }
        catch (DbUpdateException)
        {
            // A unique index refused the row: this scan id arrived twice at once, or another desk checked the badge in first.
            db.Entry(checkIn).State = EntityState.Detached;
            if (scanId is not null && await ResentAsync(scanId, delegateId, checkpoint, person, ct) is { } sameId)
            {
                return sameId;
            }

            var first = await db.CheckIns.AsNoTracking()
                .FirstOrDefaultAsync(c => c.DelegateId == delegateId && c.Checkpoint == checkpoint, ct);
            if (first is null)
            {
                throw;
            }

            return Answer(ScanResults.AlreadyCheckedIn, person, first);
        }
    }

    /// <summary>
    /// The answer to a scan id already recorded: the first answer again when it is the same badge at the same
    /// checkpoint, a conflict otherwise (an id made twice, or a desk's bug), which says nothing of the scan that has it.
    /// </summary>
    private async Task<ScanAnswer?> ResentAsync(string scanId, int delegateId, string checkpoint, DeskDelegate person, CancellationToken ct)
    {
        var recorded = await db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.ScanId == scanId, ct);
        if (recorded is null)
        {
            return null;
        }

        return recorded.DelegateId == delegateId && recorded.Checkpoint == checkpoint
            ? Answer(ScanResults.CheckedIn, person, recorded)
            : new ScanAnswer(ScanResults.Conflict, null, null, null);
    }

    public async Task<DeskDelegate?> DescribeAsync(int forumId, int delegateId, CancellationToken ct) =>
        (await DescribeAsync(forumId, [delegateId], ct)).FirstOrDefault();

    /// <summary>The desk's view of several delegates in one query, in no particular order.</summary>
    public async Task<IReadOnlyList<DeskDelegate>> DescribeAsync(int forumId, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var rows = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && ids.Contains(d.Id))
            .Select(d => new
            {
                d.Id, d.FamilyName, d.GivenName, d.NativeName, d.NativeNameLanguage, d.Category, d.Status,
                Delegation = d.Delegation == null ? null : d.Delegation.NameEn,
                Reprints = db.BadgePrints.Count(p => p.DelegateId == d.Id && p.ReprintReason != null),
            })
            .ToListAsync(ct);
        return rows.Select(row => new DeskDelegate(row.Id, row.FamilyName.ToUpperInvariant() + " " + row.GivenName, row.NativeName,
            row.NativeNameLanguage, row.Delegation, row.Category.ToString(), row.Status.ToString(), row.Reprints)).ToList();
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
