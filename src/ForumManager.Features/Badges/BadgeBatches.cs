using ForumManager.Core.Badges;
using ForumManager.Data;
using ForumManager.Documents.Badges;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Badges;

/// <summary>Where a batch stands, as its page shows it; never the PDF itself.</summary>
public sealed record BadgeBatchView(Guid Id, BadgeBatchState State, int Done, int Total, int MissingGlyphs, string? Error, string RequestedBy, DateTime CreatedUtc);

/// <summary>The settings of the badge batch renderer (section <c>Badges</c>).</summary>
public sealed class BadgeBatchOptions
{
    public const string Section = "Badges";

    /// <summary>How often an instance looks for a batch queued on another instance, or one a dead instance left.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>How long a claim on a batch lasts unless renewed; an instance that dies loses its batch this long after.</summary>
    public double ClaimSeconds { get; set; } = 30;
}

/// <summary>Wakes this instance's renderer when a batch is queued here, rather than at its next poll.</summary>
public sealed class BadgeBatchSignal : Core.Background.WakeSignal;

/// <summary>
/// Badge batches too large to make while the organizer waits: kept in the database, made by whichever app instance
/// claims them first (<see cref="BadgeBatchService"/>), followed and downloaded from any instance, deleted after a day.
/// </summary>
public sealed class BadgeBatches(ForumDbContext db, BadgeBatchSignal signal, TimeProvider clock)
{
    public const int RunInBackgroundAbove = 40;

    public async Task<Guid> EnqueueAsync(int forumId, IReadOnlyList<int> delegateIds, BadgeLayout layout, string requestedBy, CancellationToken ct)
    {
        var job = new BadgeBatchJob
        {
            Id = Guid.NewGuid(), ForumId = forumId, DelegateIds = BadgeBatchJob.JoinIds(delegateIds), Layout = (int)layout,
            RequestedBy = requestedBy, CreatedUtc = clock.GetUtcNow().UtcDateTime, State = BadgeBatchState.Queued, Total = delegateIds.Count,
        };
        db.BadgeBatchJobs.Add(job);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return job.Id;
    }

    /// <summary>The forum's batch, or null when there is none by that id in this forum.</summary>
    public Task<BadgeBatchView?> FindAsync(int forumId, Guid id, CancellationToken ct) =>
        db.BadgeBatchJobs.AsNoTracking()
            .Where(b => b.Id == id && b.ForumId == forumId)
            .Select(b => new BadgeBatchView(b.Id, b.State, b.Done, b.Total, b.MissingGlyphs, b.Error, b.RequestedBy, b.CreatedUtc))
            .SingleOrDefaultAsync(ct);

    /// <summary>The finished PDF; null until the batch is done.</summary>
    public Task<byte[]?> PdfAsync(int forumId, Guid id, CancellationToken ct) =>
        db.BadgeBatchFiles.AsNoTracking()
            .Where(f => f.BatchId == id && db.BadgeBatchJobs.Any(b => b.Id == id && b.ForumId == forumId && b.State == BadgeBatchState.Done))
            .Select(f => f.Content)
            .SingleOrDefaultAsync(ct);

    /// <summary>Queues a failed batch again, with its tries counted afresh; false when it had not failed.</summary>
    public async Task<bool> RetryAsync(int forumId, Guid id, CancellationToken ct)
    {
        var queued = await db.BadgeBatchJobs
            .Where(b => b.Id == id && b.ForumId == forumId && b.State == BadgeBatchState.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, BadgeBatchState.Queued)
                .SetProperty(b => b.Attempts, 0)
                .SetProperty(b => b.Done, 0)
                .SetProperty(b => b.Error, (string?)null)
                .SetProperty(b => b.ClaimedBy, (string?)null)
                .SetProperty(b => b.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(b => b.FinishedUtc, (DateTime?)null), ct);
        if (queued == 1)
        {
            signal.Wake();
        }

        return queued == 1;
    }
}
