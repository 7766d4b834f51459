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

    /// <summary>Sent messages are marked in groups of this many, or after <see cref="MarkWithin"/>, whichever comes first.</summary>
    private const int MarkEvery = 50;

    private static readonly TimeSpan MarkWithin = TimeSpan.FromSeconds(1);

    /// <summary>Failed connections in a row, for the pause before the next one.</summary>
    private int _outageStreak;

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

        // The same condition again in the UPDATE: a row another instance claimed meanwhile is not taken. From the
        // claim on, shutdown no longer interrupts a database call: rows claimed and then abandoned mid-query would
        // wait for their lease to run out instead of going at once after a restart.
        await db.OutboxMessages
            .Where(m => dueIds.Contains(m.Id) && m.Status == OutboxStatus.Queued && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntilUtc, now + ClaimLease), CancellationToken.None);

        var claimed = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ClaimedBy == claim)
            .OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Attempts, m.MimeContent })
            .ToListAsync(CancellationToken.None);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var policy = new RetryPolicy(settings.MaxAttempts, TimeSpan.FromSeconds(settings.FirstRetrySeconds), TimeSpan.FromSeconds(settings.MaxRetrySeconds));
        IMailConnection connection;
        try
        {
            connection = await transport.ConnectAsync(ct);
        }
        catch (OperationCanceledException)
        {
            await ReleaseAsync(db, claim);
            throw;
        }
        catch (Exception e)
        {
            // The server cannot be reached: no message is at fault, so no attempt is counted and nothing is given up;
            // everything due waits, with growing pauses, until the server is back.
            _outageStreak++;
            LogConnectFailed(logger, e, claimed.Count);
            await PostponeAllDueAsync(db, claim, now, policy.DelayAfter(_outageStreak), e.Message);
            return 0;
        }

        _outageStreak = 0;
        var leaseUntil = now + ClaimLease;
        var sent = new List<long>();
        var lastFlush = clock.GetUtcNow();
        try
        {
            await using (connection)
            {
                foreach (var message in claimed)
                {
                    if (ct.IsCancellationRequested)
                    {
                        break;
                    }

                    leaseUntil = await RenewLeaseIfHalfGoneAsync(db, claim, leaseUntil);
                    using var stream = new MemoryStream(message.MimeContent, writable: false);
                    var mime = await MimeMessage.LoadAsync(stream, CancellationToken.None);
                    try
                    {
                        // Once a send has started it is finished, even at shutdown: a half-sent message would go again.
                        await connection.SendAsync(mime, CancellationToken.None);
                    }
                    catch (MailRefusedException e)
                    {
                        LogSendFailed(logger, e, message.Id);
                        await RecordFailureAsync(db, message.Id, claim, message.Attempts + 1, e.Message, policy, giveUpNow: e.Permanent);
                        continue;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // The connection broke. This message counts an attempt; the rest are released for a new connection.
                        LogSendFailed(logger, e, message.Id);
                        await RecordFailureAsync(db, message.Id, claim, message.Attempts + 1, e.Message, policy, giveUpNow: false);
                        break;
                    }

                    sent.Add(message.Id);
                    if (sent.Count >= MarkEvery || clock.GetUtcNow() - lastFlush > MarkWithin)
                    {
                        await MarkSentAsync(db, sent, claim);
                        lastFlush = clock.GetUtcNow();
                    }
                }
            }
        }
        finally
        {
            // Sent messages are marked in small groups, and always before the batch ends, whatever ends it; whatever
            // is still claimed (shutdown, a broken connection) goes at once after a restart or on the next pass.
            await MarkSentAsync(db, sent, claim);
            await ReleaseAsync(db, claim);
        }

        return claimed.Count;
    }

    /// <summary>
    /// Marks messages sent, a few at a time rather than one commit each: the database work stays small next to the
    /// SMTP conversation. The cost is that a crash (not a shutdown, which marks them first) can send up to
    /// <see cref="MarkEvery"/> messages again: delivery stays at least once.
    /// </summary>
    private async Task MarkSentAsync(ForumDbContext db, List<long> ids, string claim)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var sentAt = clock.GetUtcNow().UtcDateTime;
        var batch = ids.ToList();
        ids.Clear();
        await db.OutboxMessages.Where(m => batch.Contains(m.Id) && m.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentUtc, sentAt)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
    }

    /// <summary>A long batch keeps its rows: the lease is extended once half of it has passed.</summary>
    private async Task<DateTime> RenewLeaseIfHalfGoneAsync(ForumDbContext db, string claim, DateTime leaseUntil)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < leaseUntil - ClaimLease / 2)
        {
            return leaseUntil;
        }

        var renewed = now + ClaimLease;
        await db.OutboxMessages.Where(m => m.ClaimedBy == claim && m.Status == OutboxStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, renewed), CancellationToken.None);
        return renewed;
    }

    private static Task ReleaseAsync(ForumDbContext db, string claim) =>
        db.OutboxMessages.Where(m => m.ClaimedBy == claim && m.Status == OutboxStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);

    private static async Task PostponeAllDueAsync(ForumDbContext db, string claim, DateTime now, TimeSpan wait, string error)
    {
        var next = now + wait;
        var reason = Truncate(error);
        await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Queued && (m.ClaimedBy == claim || (m.NextAttemptUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.NextAttemptUtc, next)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
    }

    private async Task RecordFailureAsync(ForumDbContext db, long id, string claim, int attempts, string error, RetryPolicy policy, bool giveUpNow)
    {
        var giveUp = giveUpNow || policy.ShouldGiveUp(attempts);
        var next = clock.GetUtcNow().UtcDateTime + policy.DelayAfter(attempts);
        var reason = Truncate(error);
        await db.OutboxMessages.Where(m => m.Id == id && m.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, giveUp ? OutboxStatus.Failed : OutboxStatus.Queued)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptUtc, next)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
    }

    private static string Truncate(string error) => error.Length > 2000 ? error[..2000] : error;

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox dispatcher failed; it tries again at the next poll.")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to the mail server; {Count} messages wait for a retry.")]
    private static partial void LogConnectFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbox message {Id} failed.")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, long id);
}
