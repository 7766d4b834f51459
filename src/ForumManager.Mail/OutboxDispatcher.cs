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

    private readonly RetryPolicy _policy = RetryPolicyFrom(options.Value);

    /// <summary>This instance's view of the server; each instance finds an outage, and its end, for itself.</summary>
    private readonly MailServerOutage _outage = new(RetryPolicyFrom(options.Value));

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
                await signal.WaitAsync(NextLook(), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The next poll, or the next probe of an unreachable server when that comes sooner.</summary>
    private TimeSpan NextLook()
    {
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        var untilProbe = _outage.NextProbeUtc - clock.GetUtcNow().UtcDateTime;
        return untilProbe > TimeSpan.Zero && untilProbe < poll ? untilProbe.Value : poll;
    }

    /// <summary>Sends one batch of due messages over one connection.</summary>
    /// <returns>How many messages this call claimed.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_outage.HoldsMailAt(now))
        {
            // The server could not be reached and is not due to be tried again: a message queued meanwhile waits for
            // that probe with the rest rather than trying (and pushing the probe further off) on its own.
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var settings = options.Value;
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
            // The server cannot be reached: no message is at fault, so no attempt is counted and nothing is given
            // up. Nothing is postponed either: the dispatcher holds all mail until its next probe, and whatever is
            // due then, old or queued since, goes as soon as a connection succeeds.
            var pause = _outage.ConnectionFailed(clock.GetUtcNow().UtcDateTime);
            var waiting = await RecordOutageAsync(db, claim, now, e.Message);
            LogConnectFailed(logger, e, waiting, pause.TotalSeconds);
            return 0;
        }

        if (_outage.Connected())
        {
            LogServerBack(logger);
        }

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
                        await RecordFailureAsync(db, message.Id, claim, message.Attempts + 1, e.Message, giveUpNow: e.Permanent);
                        continue;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // The connection broke. This message counts an attempt; the rest are released for a new connection.
                        LogSendFailed(logger, e, message.Id);
                        await RecordFailureAsync(db, message.Id, claim, message.Attempts + 1, e.Message, giveUpNow: false);
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

    /// <summary>Gives every message that is due the reason it waits, and lets go of the claim.</summary>
    /// <returns>How many messages wait.</returns>
    private static Task<int> RecordOutageAsync(ForumDbContext db, string claim, DateTime now, string error)
    {
        var reason = Truncate(error);
        return db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Queued && (m.ClaimedBy == claim || (m.NextAttemptUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
    }

    private async Task RecordFailureAsync(ForumDbContext db, long id, string claim, int attempts, string error, bool giveUpNow)
    {
        var giveUp = giveUpNow || _policy.ShouldGiveUp(attempts);
        var next = clock.GetUtcNow().UtcDateTime + _policy.DelayAfter(attempts);
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

    private static RetryPolicy RetryPolicyFrom(MailOptions settings) =>
        new(settings.MaxAttempts, TimeSpan.FromSeconds(settings.FirstRetrySeconds), TimeSpan.FromSeconds(settings.MaxRetrySeconds));

    private static string Truncate(string error) => error.Length > 2000 ? error[..2000] : error;

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox dispatcher failed; it tries again at the next poll.")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to the mail server; {Count} messages and any queued meanwhile wait for the next try in {PauseSeconds} s.")]
    private static partial void LogConnectFailed(ILogger logger, Exception exception, int count, double pauseSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The mail server can be reached again; the waiting mail goes now.")]
    private static partial void LogServerBack(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbox message {Id} failed.")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, long id);
}
