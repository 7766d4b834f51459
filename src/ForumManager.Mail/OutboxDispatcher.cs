using ForumManager.Core.Mail;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ForumManager.Mail;

/// <summary>
/// Sends what the outbox holds. Rows are claimed with an atomic update before they are sent, so that several
/// app instances never send the same message; a claim expires, so a crashed instance's rows are picked up again.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    IOptions<MailOptions> options,
    TimeProvider clock,
    OutboxSignal signal,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Keep going while full batches come back; wait only when the queue is drained.
                while (await DispatchDueAsync(stoppingToken) == options.Value.BatchSize)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDispatchFailed(logger, e);
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

    /// <summary>Sends one batch of due messages over one connection.</summary>
    /// <returns>How many messages this call claimed.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = Guid.NewGuid().ToString("N");

        var dueIds = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(settings.BatchSize)
            .ToListAsync(ct);
        if (dueIds.Count == 0)
        {
            return 0;
        }

        // The same condition again in the UPDATE: a row another instance claimed meanwhile is not taken.
        await db.OutboxMessages
            .Where(m => dueIds.Contains(m.Id) && m.Status == OutboxStatus.Queued && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntilUtc, now + ClaimLease), ct);

        var claimed = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ClaimedBy == claim)
            .OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Attempts, m.MimeContent })
            .ToListAsync(ct);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var policy = new RetryPolicy(settings.MaxAttempts, TimeSpan.FromSeconds(settings.FirstRetrySeconds), TimeSpan.FromSeconds(settings.MaxRetrySeconds));
        IMailConnection? connection = null;
        try
        {
            connection = await transport.ConnectAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogConnectFailed(logger, e, claimed.Count);
            foreach (var message in claimed)
            {
                await RecordFailureAsync(db, message.Id, claim, message.Attempts + 1, e.Message, policy, ct);
            }

            return claimed.Count;
        }

        await using (connection)
        {
            foreach (var message in claimed)
            {
                try
                {
                    using var stream = new MemoryStream(message.MimeContent, writable: false);
                    var mime = await MimeMessage.LoadAsync(stream, CancellationToken.None);

                    // Once a send has started it is finished, even at shutdown: a half-sent message would go again.
                    await connection.SendAsync(mime, CancellationToken.None);
                    var sentAt = clock.GetUtcNow().UtcDateTime;
                    await db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimedBy == claim)
                        .ExecuteUpdateAsync(s => s
                            .SetProperty(m => m.Status, OutboxStatus.Sent)
                            .SetProperty(m => m.SentUtc, sentAt)
                            .SetProperty(m => m.Attempts, message.Attempts + 1)
                            .SetProperty(m => m.LastError, (string?)null)
                            .SetProperty(m => m.ClaimedBy, (string?)null)
                            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogSendFailed(logger, e, message.Id);
                    await RecordFailureAsync(db, message.Id, claim, message.Attempts + 1, e.Message, policy, CancellationToken.None);
                }

                if (ct.IsCancellationRequested)
                {
                    // Release what was claimed but not sent, so it goes at once after a restart.
                    await db.OutboxMessages.Where(m => m.ClaimedBy == claim && m.Status == OutboxStatus.Queued)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
                    break;
                }
            }
        }

        return claimed.Count;
    }

    private async Task RecordFailureAsync(ForumDbContext db, long id, string claim, int attempts, string error, RetryPolicy policy, CancellationToken ct)
    {
        var giveUp = policy.ShouldGiveUp(attempts);
        var next = clock.GetUtcNow().UtcDateTime + policy.DelayAfter(attempts);
        var reason = error.Length > 2000 ? error[..2000] : error;
        await db.OutboxMessages.Where(m => m.Id == id && m.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, giveUp ? OutboxStatus.Failed : OutboxStatus.Queued)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptUtc, next)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox dispatcher failed; it tries again at the next poll.")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to the mail server; {Count} messages wait for a retry.")]
    private static partial void LogConnectFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbox message {Id} failed.")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, long id);
}
