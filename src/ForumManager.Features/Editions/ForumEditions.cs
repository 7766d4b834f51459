using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features.Forums;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Editions;

/// <summary>One edition as the editions page lists it.</summary>
public sealed record EditionRow(int Id, string Acronym, string NameEn, string NameZh, DateOnly StartDate, DateOnly EndDate, ForumStatus Status,
    int Delegates, int? ReleasedVersion, int? ClonedFromId, bool Public)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

/// <summary>A change of an edition's status an organizer may ask for.</summary>
public enum EditionStatusChange
{
    /// <summary>A draft (or a closed edition) opens: registration and the public site follow it when it is the latest.</summary>
    Open,

    /// <summary>An open edition closes: it stays on the public site until a later one opens.</summary>
    Close,

    /// <summary>A closed edition (or a draft never opened) is put away: no longer the public one; its released programme stays in the archive.</summary>
    Archive,
}

/// <summary>The forum's editions, and the changes of their status.</summary>
public sealed class ForumEditions(ForumDbContext db, CurrentForum current, TimeProvider clock)
{
    public async Task<IReadOnlyList<EditionRow>> ListAsync(CancellationToken ct)
    {
        var shown = (await current.PublicAsync(ct))?.Id;
        var rows = await db.Forums.AsNoTracking().OrderByDescending(f => f.StartDate).Select(f => new
        {
            f.Id, f.Acronym, f.NameEn, f.NameZh, f.StartDate, f.EndDate, f.Status, f.ClonedFromId,
            Delegates = db.Delegates.Count(d => d.ForumId == f.Id && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected),
            Released = db.ProgrammeReleases.Where(r => r.ForumId == f.Id).Max(r => (int?)r.Version),
        }).ToListAsync(ct);
        return rows.Select(r => new EditionRow(r.Id, r.Acronym, r.NameEn, r.NameZh, r.StartDate, r.EndDate, r.Status, r.Delegates, r.Released,
            r.ClonedFromId, r.Id == shown)).ToList();
    }

    /// <summary>The statuses an edition may move to from <paramref name="status"/>.</summary>
    public static IReadOnlyList<EditionStatusChange> Allowed(ForumStatus status) => status switch
    {
        ForumStatus.Draft => [EditionStatusChange.Open, EditionStatusChange.Archive],
        ForumStatus.Open => [EditionStatusChange.Close],
        ForumStatus.Closed => [EditionStatusChange.Open, EditionStatusChange.Archive],
        _ => [],
    };

    public static ForumStatus Target(EditionStatusChange change) => change switch
    {
        EditionStatusChange.Open => ForumStatus.Open,
        EditionStatusChange.Close => ForumStatus.Closed,
        _ => ForumStatus.Archived,
    };

    /// <returns>Whether the status changed: false when the edition is gone or was no longer in a status that allows it.</returns>
    public async Task<bool> ChangeStatusAsync(int forumId, EditionStatusChange change, Actor actor, CancellationToken ct)
    {
        var from = await db.Forums.AsNoTracking().Where(f => f.Id == forumId).Select(f => (ForumStatus?)f.Status).SingleOrDefaultAsync(ct);
        if (from is not { } status || !Allowed(status).Contains(change))
        {
            return false;
        }

        var target = Target(change);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Conditional on the status read, so two organizers pressing at once change it once.
        var changed = await db.Forums.Where(f => f.Id == forumId && f.Status == status).ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, target), ct);
        if (changed == 0)
        {
            return false;
        }

        db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(Forum), forumId, "status", status.ToString(), target.ToString()));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
