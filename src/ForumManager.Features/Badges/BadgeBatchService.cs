using ForumManager.Core.Badges;
using ForumManager.Data;
using ForumManager.Documents.Badges;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumManager.Features.Badges;

/// <summary>
/// Makes badge batches on every app instance. A batch is claimed with one conditional update, so two instances never
/// make the same one; the claim is a short lease, renewed while the badges are drawn, so a batch whose instance died
/// is claimed again by another once it runs out. Progress is written to the batch every half second. The PDF, the
/// state Done and the log of the badges printed are saved in one transaction, and only while the claim is still
/// held: a batch taken over after a crash has no prints of the first try to count twice, since prints are recorded
/// only with the finished PDF. A batch claimed <see cref="BadgeBatchJob.MaxAttempts"/> times without being made is
/// marked Failed with the reason.
/// </summary>
public sealed partial class BadgeBatchService(
    IServiceScopeFactory scopes,
    BadgeBatchSignal signal,
    IOptions<BadgeBatchOptions> options,
    TimeProvider clock,
    ILogger<BadgeBatchService> logger) : BackgroundService
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.ClaimSeconds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeleteOldAsync(stoppingToken);
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, e);
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims one batch and makes it.</summary>
    /// <returns>Whether there was a batch to claim.</returns>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        if (await ClaimAsync(ct) is not { } claimed)
        {
            return false;
        }

        await MakeAsync(claimed.Id, claimed.Claim, ct);
        return true;
    }

    /// <summary>
    /// Gives up batches whose last try's lease ran out with no tries left, then claims the oldest batch waiting or
    /// left by a dead instance. The update repeats the condition, so a batch another instance claimed meanwhile is
    /// not taken; then the next is tried.
    /// </summary>
    internal async Task<(Guid Id, string Claim)?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.BadgeBatchJobs
            .Where(b => b.State == BadgeBatchState.Running && b.ClaimedUntilUtc < now && b.Attempts >= BadgeBatchJob.MaxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, BadgeBatchState.Failed)
                .SetProperty(b => b.Error, BadgeBatchJob.NeverFinished)
                .SetProperty(b => b.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(b => b.FinishedUtc, now), ct);

        for (var tries = 0; tries < 5; tries++)
        {
            var candidate = await db.BadgeBatchJobs.AsNoTracking()
                .Where(b => (b.State == BadgeBatchState.Queued || (b.State == BadgeBatchState.Running && b.ClaimedUntilUtc < now)) && b.Attempts < BadgeBatchJob.MaxAttempts)
                .OrderBy(b => b.CreatedUtc)
                .Select(b => (Guid?)b.Id)
                .FirstOrDefaultAsync(ct);
            if (candidate is not { } id)
            {
                return null;
            }

            var claim = Guid.NewGuid().ToString("N");
            var claimed = await db.BadgeBatchJobs
                .Where(b => b.Id == id && (b.State == BadgeBatchState.Queued || (b.State == BadgeBatchState.Running && b.ClaimedUntilUtc < now)) && b.Attempts < BadgeBatchJob.MaxAttempts)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.State, BadgeBatchState.Running)
                    .SetProperty(b => b.ClaimedBy, claim)
                    .SetProperty(b => b.ClaimedUntilUtc, now + Lease)
                    .SetProperty(b => b.Attempts, b => b.Attempts + 1), CancellationToken.None);
            if (claimed == 1)
            {
                return (id, claim);
            }
        }

        return null;
    }

    internal async Task MakeAsync(Guid id, string claim, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var source = scope.ServiceProvider.GetRequiredService<BadgeSource>();
        var job = await db.BadgeBatchJobs.AsNoTracking().SingleAsync(b => b.Id == id, CancellationToken.None);
        LogClaimed(logger, id, job.Attempts);

        var progress = new LatestCount();
        using var stopReporting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reporter = ReportAsync(id, claim, progress, stopReporting.Token);
        try
        {
            var forum = await db.Forums.AsNoTracking().SingleOrDefaultAsync(f => f.Id == job.ForumId, ct)
                ?? throw new InvalidOperationException("The forum is gone.");
            var layout = (BadgeLayout)job.Layout;
            var (result, printed) = await Task.Run(() => source.RenderAsync(forum, job.Ids(), layout, ct, progress), ct);
            await stopReporting.CancelAsync();
            if (!await reporter)
            {
                LogClaimLost(logger, id);
                return;
            }

            await CompleteAsync(db, source, job, claim, result, printed);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down is not the batch's fault: it goes back to the queue without the try counted.
            await stopReporting.CancelAsync();
            await reporter;
            await db.BadgeBatchJobs.Where(b => b.Id == id && b.ClaimedBy == claim && b.State == BadgeBatchState.Running)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.State, BadgeBatchState.Queued)
                    .SetProperty(b => b.ClaimedUntilUtc, (DateTime?)null)
                    .SetProperty(b => b.Attempts, b => b.Attempts - 1), CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            await stopReporting.CancelAsync();
            await reporter;
            await FailAsync(db, job, claim, e);
        }
    }

    /// <summary>The PDF, the state Done and the prints, together and only if this instance still holds the batch.</summary>
    private async Task CompleteAsync(ForumDbContext db, BadgeSource source, BadgeBatchJob job, string claim, Documents.PdfResult result, IReadOnlyList<int> printed)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var ours = await db.BadgeBatchJobs
            .Where(b => b.Id == job.Id && b.ClaimedBy == claim && b.State == BadgeBatchState.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, BadgeBatchState.Done)
                .SetProperty(b => b.Done, printed.Count)
                .SetProperty(b => b.MissingGlyphs, result.Missing.Count)
                .SetProperty(b => b.Error, (string?)null)
                .SetProperty(b => b.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(b => b.FinishedUtc, now), CancellationToken.None);
        if (ours == 0)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            LogClaimLost(logger, job.Id);
            return;
        }

        db.BadgeBatchFiles.Add(new BadgeBatchFile { BatchId = job.Id, Content = result.Pdf });
        await source.LogPrintsAsync(job.ForumId, printed, (BadgeLayout)job.Layout, job.RequestedBy, null, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        LogDone(logger, job.Id, printed.Count);
    }

    /// <summary>Back to the queue for another try, or Failed with the reason when this was the last.</summary>
    private async Task FailAsync(ForumDbContext db, BadgeBatchJob job, string claim, Exception e)
    {
        var attempts = await db.BadgeBatchJobs.AsNoTracking().Where(b => b.Id == job.Id).Select(b => b.Attempts).SingleOrDefaultAsync(CancellationToken.None);
        var last = attempts >= BadgeBatchJob.MaxAttempts;
        var reason = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.BadgeBatchJobs.Where(b => b.Id == job.Id && b.ClaimedBy == claim && b.State == BadgeBatchState.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, last ? BadgeBatchState.Failed : BadgeBatchState.Queued)
                .SetProperty(b => b.Error, reason)
                .SetProperty(b => b.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(b => b.FinishedUtc, last ? now : null), CancellationToken.None);
        LogFailed(logger, e, job.Id, attempts);
    }

    /// <summary>
    /// Writes the count drawn so far every half second while it moves, and renews the lease; stops when told or when
    /// the batch is no longer this instance's.
    /// </summary>
    /// <returns>Whether the claim was still held when it stopped.</returns>
    private async Task<bool> ReportAsync(Guid id, string claim, LatestCount progress, CancellationToken stop)
    {
        var written = 0;
        var renewed = clock.GetUtcNow().UtcDateTime;
        while (true)
        {
            try
            {
                await Task.Delay(ProgressEvery, clock, stop);
            }
            catch (OperationCanceledException)
            {
                return true;
            }

            var done = progress.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            if (done == written && now - renewed < Lease / 3)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
                var held = await db.BadgeBatchJobs
                    .Where(b => b.Id == id && b.ClaimedBy == claim && b.State == BadgeBatchState.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.Done, done).SetProperty(b => b.ClaimedUntilUtc, now + Lease), CancellationToken.None);
                if (held == 0)
                {
                    return false;
                }

                written = done;
                renewed = now;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A missed write is caught up by the next; the lease has time to spare.
                LogProgressFailed(logger, e, id);
            }
        }
    }

    /// <summary>Batches are kept for a day, with their PDF.</summary>
    internal async Task DeleteOldAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var before = clock.GetUtcNow().UtcDateTime - KeptFor;
        await db.BadgeBatchFiles.Where(f => db.BadgeBatchJobs.Any(b => b.Id == f.BatchId && b.CreatedUtc < before)).ExecuteDeleteAsync(ct);
        await db.BadgeBatchJobs.Where(b => b.CreatedUtc < before).ExecuteDeleteAsync(ct);
    }

    /// <summary>The last count the renderer reported, read by the reporter on another thread.</summary>
    private sealed class LatestCount : IProgress<int>
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Report(int value) => Volatile.Write(ref _value, value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Badge batch {Batch} claimed (try {Attempt}).")]
    private static partial void LogClaimed(ILogger logger, Guid batch, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Badge batch {Batch} made: {Count} badges.")]
    private static partial void LogDone(ILogger logger, Guid batch, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Badge batch {Batch} was taken over by another instance; this instance's copy is dropped.")]
    private static partial void LogClaimLost(ILogger logger, Guid batch);

    [LoggerMessage(Level = LogLevel.Error, Message = "Badge batch {Batch} failed on try {Attempt}.")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid batch, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The progress of badge batch {Batch} could not be written.")]
    private static partial void LogProgressFailed(ILogger logger, Exception exception, Guid batch);

    [LoggerMessage(Level = LogLevel.Error, Message = "The badge batch renderer failed; it looks again at its next poll.")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
