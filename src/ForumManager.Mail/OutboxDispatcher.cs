using System.Diagnostics;
using System.Security.Cryptography;
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
/// Sends what the outbox holds. Rows are claimed with an atomic update before they are sent, so that several app
/// instances never send the same message; a claim is short and renewed while its batch sends, so a crashed instance's
/// rows go again soon. Each message is marked sent as soon as the server has accepted it, so a crash can send again
/// at most the one message that was on its way.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    OutboxContent content,
    IOptions<MailOptions> options,
    TimeProvider clock,
    OutboxSignal signal,
    ILogger<OutboxDispatcher> logger,
    IEnumerable<IOutboxGiveUp> giveUps) : BackgroundService
{
    private readonly RetryPolicy _policy = RetryPolicyFrom(options.Value);

    /// <summary>This instance's view of the server; each instance finds an outage, and its end, for itself.</summary>
    private readonly MailServerOutage _outage = new(RetryPolicyFrom(options.Value));

    private readonly TimeSpan _claimLease = TimeSpan.FromSeconds(options.Value.ClaimSeconds);

    /// <summary>Since when this instance has not been able to reach the mail server; null while it can.</summary>
    public DateTime? ServerUnreachableSinceUtc => _outage.UnreachableSinceUtc;

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
        var claim = Guid.NewGuid().ToString("N");

        var dueIds = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);
        if (dueIds.Count == 0)
        {
            return 0;
        }

        // A span only for a pass with mail to send: an empty poll every few seconds on every instance is no trace.
        using var activity = OutboxTelemetry.Source.StartActivity("outbox dispatch");

        // The same condition again in the UPDATE: a row another instance claimed meanwhile is not taken. From the
        // claim on, shutdown no longer interrupts a database call: rows claimed and then abandoned mid-query would
        // wait for their lease to run out instead of going at once after a restart.
        await db.OutboxMessages
            .Where(m => dueIds.Contains(m.Id) && m.Status == OutboxStatus.Queued && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntilUtc, now + _claimLease), CancellationToken.None);

        var claimed = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ClaimedBy == claim)
            .OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Attempts, m.MimeContent })
            .ToListAsync(CancellationToken.None);
        if (claimed.Count == 0)
        {
            return 0;
        }

        // Renewed from here on, through a connection that may take a while and however long the batch takes.
        await using var renewal = new OutboxClaimRenewal(scopes, claim, _claimLease, clock, logger);
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
            activity?.SetStatus(ActivityStatusCode.Error, "The mail server cannot be reached.");
            LogConnectFailed(logger, e, waiting, pause.TotalSeconds);
            return 0;
        }

        if (_outage.Connected())
        {
            LogServerBack(logger);
        }

        var settled = false;
        try
        {
            await using (connection)
            {
                settled = await SendClaimedAsync(db, connection, claim, claimed.Select(m => (m.Id, m.Attempts, m.MimeContent)).ToList(), ct);
            }
        }
        finally
        {
            // Whatever is still claimed (shutdown, a broken connection) goes at once after a restart or on the next pass.
            // A batch whose every message was marked sent or failed holds nothing, and is spared a write.
            if (!settled)
            {
                await ReleaseAsync(db, claim);
            }
        }

        return claimed.Count;
    }

    /// <returns>Whether every claimed message was marked sent or failed, so that nothing of the claim is left to release.</returns>
    private async Task<bool> SendClaimedAsync(ForumDbContext db, IMailConnection connection, string claim, IReadOnlyList<(long Id, int Attempts, byte[] Mime)> claimed, CancellationToken ct)
    {
        // One open connection and one prepared statement for every mark: a mark is a write per message.
        await db.Database.OpenConnectionAsync(CancellationToken.None);
        await using var sentMark = OutboxSentMark.Prepare(db, claim);
        var reading = ReadAsync(claimed[0].Mime);
        for (var i = 0; i < claimed.Count; i++)
        {
            if (ct.IsCancellationRequested)
            {
                return false;
            }

            var message = claimed[i];
            var current = reading;
            if (i + 1 < claimed.Count)
            {
                // The next message is read while this one is on the wire.
                reading = ReadAsync(claimed[i + 1].Mime);
            }

            MimeMessage mime;
            try
            {
                mime = await current;
            }
            catch (CryptographicException e)
            {
                // Encrypted with a key this server cannot read (its certificate is not configured here): an attempt,
                // so that it fails in the end rather than holding its place, and can be sent again once it can be read.
                LogUnreadable(logger, e, message.Id);
                await RecordFailureAsync(db, message.Id, claim, message.Attempts + 1, $"The message cannot be decrypted on this server: {e.Message}", giveUpNow: false);
                continue;
            }

            using var sending = OutboxTelemetry.Source.StartActivity("outbox send", ActivityKind.Client);
            sending?.SetTag(OutboxTelemetry.MessageIdTag, message.Id);
            try
            {
                // Once a send has started it is finished, even at shutdown: a half-sent message would go again.
                await connection.SendAsync(mime, CancellationToken.None);
            }
            catch (MailRefusedException e)
            {
                sending?.SetStatus(ActivityStatusCode.Error, "refused");
                LogSendFailed(logger, e, message.Id);
                await RecordFailureAsync(db, message.Id, claim, message.Attempts + 1, e.Message, giveUpNow: e.Permanent);
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The connection broke. This message counts an attempt; the rest are released for a new connection.
                sending?.SetStatus(ActivityStatusCode.Error, "connection broken");
                LogSendFailed(logger, e, message.Id);
                await RecordFailureAsync(db, message.Id, claim, message.Attempts + 1, e.Message, giveUpNow: false);
                return false;
            }

            OutboxTelemetry.Sent.Add(1);

            // Marked as soon as the server has accepted it and before the next is sent: a crash can then send again
            // only the message that was on its way. Delivery stays at least once.
            if (!await sentMark.MarkAsync(message.Id, clock.GetUtcNow().UtcDateTime))
            {
                // The claim ran out and another instance holds the rest now; going on would send them twice.
                LogClaimLost(logger, message.Id);
                return false;
            }
        }

        return true;
    }

    private Task<MimeMessage> ReadAsync(byte[] stored) => Task.Run(() =>
    {
        using var stream = new MemoryStream(content.Unprotect(stored), writable: false);
        return MimeMessage.Load(stream);
    });

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
        OutboxTelemetry.Failed.Add(1, new KeyValuePair<string, object?>(OutboxTelemetry.GaveUpTag, giveUp));
        var told = giveUp ? giveUps.ToList() : [];
        await using var transaction = told.Count > 0 ? await db.Database.BeginTransactionAsync(CancellationToken.None) : null;
        var marked = await db.OutboxMessages.Where(m => m.Id == id && m.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, giveUp ? OutboxStatus.Failed : OutboxStatus.Queued)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptUtc, next)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
        if (transaction is not null)
        {
            if (marked == 1)
            {
                foreach (var listener in told)
                {
                    await listener.GaveUpAsync(db, id, CancellationToken.None);
                }

                await db.SaveChangesAsync(CancellationToken.None);
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} was sent after this instance's claim ran out; the rest of its batch is left to the instance that holds it.")]
    private static partial void LogClaimLost(ILogger logger, long id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} cannot be decrypted on this server; is the key ring's certificate (DataProtection:Certificate) the one that encrypted it?")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbox message {Id} failed.")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, long id);
}
