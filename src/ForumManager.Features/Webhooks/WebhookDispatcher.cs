using ForumManager.Core.Integrations;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumManager.Features.Webhooks;

/// <summary>
/// Runs on every instance. Fans events out into one delivery per subscribed endpoint (an event is claimed by the one
/// conditional update that marks it fanned out, in the transaction that writes its deliveries; the unique
/// (event, endpoint) index makes it once whatever happens), then posts the deliveries that are due, claimed with one
/// conditional update and a lease that a dead instance's claims run out of. A failed try is tried again later, for
/// a day; an endpoint failing for a day is switched off and its owner told (<see cref="WebhookHealth"/>).
/// </summary>
public sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes,
    WebhookSender sender,
    WebhookSignal signal,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>A day of tries: 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, then every 8 h.</summary>
    private static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8),
    ];

    public static readonly TimeSpan RetryFor = TimeSpan.FromDays(1);
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);
    private const int FanOutBatch = 500;

    /// <summary>Who holds a claim, for the page and the logs: this instance.</summary>
    private readonly string _instance = Environment.MachineName + ":" + Guid.NewGuid().ToString("N")[..8];
    private DateTime _purged;

    public static TimeSpan DelayAfter(int attempts) => Backoff[Math.Clamp(attempts - 1, 0, Backoff.Length - 1)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lookAgain = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var done = 0;
            try
            {
                done = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, e);
            }

            if (done > 0)
            {
                continue;
            }

            try
            {
                if (lookAgain > 0)
                {
                    // Woken by a save whose transaction may not have committed yet: look again shortly.
                    lookAgain--;
                    await Task.Delay(TimeSpan.FromMilliseconds(200), clock, stoppingToken);
                    continue;
                }

                var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
                var before = TimeProvider.System.GetTimestamp();
                await signal.WaitAsync(poll, stoppingToken);
                lookAgain = TimeProvider.System.GetElapsedTime(before) < poll ? 4 : 0;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: fan out, deliver what is due, switch off endpoints failing for a day, delete old events.</summary>
    /// <returns>How many events and deliveries it handled.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var done = await FanOutAsync(ct);
        done += await DeliverDueAsync(ct);
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WebhookHealth>().SwitchOffFailingAsync(ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now - _purged > PurgeEvery)
        {
            _purged = now;
            await PurgeAsync(ct);
        }

        return done;
    }

    public async Task<int> FanOutAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var events = await db.WebhookEvents.AsNoTracking().Where(e => e.FannedOutUtc == null)
            .OrderBy(e => e.Id).Take(FanOutBatch).ToListAsync(ct);
        if (events.Count == 0)
        {
            return 0;
        }

        var forums = events.Select(e => e.ForumId).Distinct().ToList();
        var endpoints = (await db.WebhookEndpoints.AsNoTracking().Where(e => forums.Contains(e.ForumId) && e.Enabled)
                .Select(e => new { e.Id, e.ForumId, e.Events }).ToListAsync(ct))
            .Select(e => (e.Id, e.ForumId, Events: e.Events.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)))
            .ToList();

        if (await FanOutAsync(db, events, endpoints, ct))
        {
            return events.Count;
        }

        // Another instance took some of them meanwhile: one at a time, each taken by whoever marks it first.
        foreach (var one in events)
        {
            await FanOutAsync(db, [one], endpoints, ct);
        }

        return events.Count;
    }

    /// <summary>Marks the events fanned out and writes their deliveries, together, only if none was taken meanwhile.</summary>
    private async Task<bool> FanOutAsync(ForumDbContext db, List<WebhookEvent> events, List<(int Id, int ForumId, HashSet<string> Events)> endpoints, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = events.Select(e => e.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var marked = await db.WebhookEvents.Where(e => ids.Contains(e.Id) && e.FannedOutUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.FannedOutUtc, now), ct);
        if (marked != ids.Count)
        {
            await transaction.RollbackAsync(ct);
            return false;
        }

        foreach (var item in events)
        {
            foreach (var endpoint in endpoints.Where(p => p.ForumId == item.ForumId && p.Events.Contains(item.Type)))
            {
                db.WebhookDeliveries.Add(NewDelivery(item, endpoint.Id, now));
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    public static WebhookDelivery NewDelivery(WebhookEvent item, int endpointId, DateTime now) => new()
    {
        ForumId = item.ForumId,
        EndpointId = endpointId,
        EventId = item.Id,
        MessageId = WebhookSignature.NewMessageId(),
        EventType = item.Type,
        Payload = WebhookEventLog.Payload(item.Type, item.CreatedUtc, item.Data),
        State = WebhookDeliveryState.Pending,
        CreatedUtc = now,
        NextAttemptUtc = now,
    };

    /// <summary>Claims a batch of due deliveries of enabled endpoints and posts them, several at once.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.State == WebhookDeliveryState.Pending && d.NextAttemptUtc <= now && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < now)
                        && db.WebhookEndpoints.Any(e => e.Id == d.EndpointId && e.Enabled))
            .OrderBy(d => d.NextAttemptUtc).ThenBy(d => d.Id)
            .Select(d => d.Id).Take(options.Value.BatchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var concurrency = Math.Max(1, options.Value.Concurrency);
        var rounds = (due.Count + concurrency - 1) / concurrency;
        var lease = TimeSpan.FromSeconds((options.Value.TimeoutSeconds * rounds) + 30);
        var claim = _instance + ":" + Guid.NewGuid().ToString("N")[..8];
        await db.WebhookDeliveries
            .Where(d => due.Contains(d.Id) && d.State == WebhookDeliveryState.Pending && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, claim).SetProperty(d => d.ClaimedUntilUtc, now + lease), CancellationToken.None);
        var claimed = await db.WebhookDeliveries.AsNoTracking().Where(d => d.ClaimedBy == claim)
            .Select(d => new Claimed(d.Id, d.EndpointId, d.MessageId, d.Payload, d.Attempts, d.CreatedUtc)).ToListAsync(CancellationToken.None);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var endpointIds = claimed.Select(c => c.EndpointId).Distinct().ToList();
        var secrets = scope.ServiceProvider.GetRequiredService<WebhookSecrets>();
        var targets = (await db.WebhookEndpoints.AsNoTracking().Where(e => endpointIds.Contains(e.Id))
                .Select(e => new { e.Id, e.Url, e.SecretProtected, e.AllowPrivateNetwork }).ToListAsync(CancellationToken.None))
            .ToDictionary(e => e.Id, e => new Target(new Uri(e.Url), secrets.Unprotect(e.SecretProtected), e.AllowPrivateNetwork));

        var answers = new System.Collections.Concurrent.ConcurrentBag<(Claimed Delivery, WebhookAnswer Answer)>();
        try
        {
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (delivery, token) =>
            {
                var target = targets[delivery.EndpointId];
                answers.Add((delivery, await sender.SendAsync(target.Url, target.AllowPrivate, target.Secret, delivery.MessageId, delivery.Payload, token)));
            });
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: what was answered is recorded; what was not tried goes back at once, for any instance.
            await RecordAsync([.. answers], claim);
            await db.WebhookDeliveries.Where(d => d.ClaimedBy == claim && d.State == WebhookDeliveryState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, (string?)null).SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
            throw;
        }

        await RecordAsync([.. answers], claim);
        return claimed.Count;
    }

    /// <summary>
    /// The tries of a batch, each delivery's new state and its endpoint's health, in one transaction: one commit for
    /// the batch rather than one a delivery, which is what keeps a single-writer database up with the receiver. A crash
    /// before it leaves the batch claimed until the lease ends, then sent again with the same ids (at least once).
    /// </summary>
    private async Task RecordAsync(List<(Claimed Delivery, WebhookAnswer Answer)> answers, string claim)
    {
        if (answers.Count == 0)
        {
            return;
        }

        var ct = CancellationToken.None;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Deliveries that end alike (the common case: all taken with the same status) are marked by one UPDATE.
        var outcomes = answers.Select(a =>
        {
            var attempts = a.Delivery.Attempts + 1;
            var giveUp = !a.Answer.Delivered && now >= a.Delivery.CreatedUtc + RetryFor;
            var state = a.Answer.Delivered ? WebhookDeliveryState.Delivered : giveUp ? WebhookDeliveryState.Failed : WebhookDeliveryState.Pending;
            var next = a.Answer.Delivered || giveUp ? now : now + DelayAfter(attempts);
            return (a.Delivery, a.Answer, Outcome: new Outcome(state, next, a.Answer.StatusCode, a.Answer.Excerpt, a.Answer.Error, a.Answer.Delivered));
        }).ToList();
        foreach (var alike in outcomes.GroupBy(o => o.Outcome))
        {
            var o = alike.Key;
            var ids = alike.Select(a => a.Delivery.Id).ToList();
            await db.WebhookDeliveries.Where(d => ids.Contains(d.Id) && d.ClaimedBy == claim && d.State == WebhookDeliveryState.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.State, o.State)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                    .SetProperty(d => d.NextAttemptUtc, o.Next)
                    .SetProperty(d => d.LastAttemptUtc, now)
                    .SetProperty(d => d.LastStatusCode, o.StatusCode)
                    .SetProperty(d => d.LastResponseExcerpt, o.Excerpt)
                    .SetProperty(d => d.LastError, o.Error)
                    .SetProperty(d => d.DeliveredUtc, o.Delivered ? now : null)
                    .SetProperty(d => d.ClaimedBy, (string?)null)
                    .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null), ct);
        }

        foreach (var (delivery, answer, _) in outcomes)
        {
            db.WebhookAttempts.Add(new WebhookAttempt
            {
                DeliveryId = delivery.Id, AtUtc = now, StatusCode = answer.StatusCode, ResponseExcerpt = answer.Excerpt,
                Error = answer.Error, DurationMs = answer.DurationMs,
            });
            if (!answer.Delivered)
            {
                LogTryFailed(logger, delivery.MessageId, delivery.Attempts + 1, answer.StatusCode, answer.Error);
            }
        }

        await db.SaveChangesAsync(ct);

        // An endpoint that took any delivery of the batch works; one that took none has been failing since now, unless before.
        foreach (var endpoint in answers.GroupBy(a => a.Delivery.EndpointId))
        {
            var id = endpoint.Key;
            if (endpoint.Any(a => a.Answer.Delivered))
            {
                await db.WebhookEndpoints.Where(e => e.Id == id && e.FailingSinceUtc != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSinceUtc, (DateTime?)null), ct);
            }
            else
            {
                await db.WebhookEndpoints.Where(e => e.Id == id && e.FailingSinceUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSinceUtc, now), ct);
            }
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>Events fanned out more than a week ago go, with their finished deliveries and their tries.</summary>
    internal async Task PurgeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var before = clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(options.Value.KeepDays);
        var old = db.WebhookDeliveries.Where(d => d.State != WebhookDeliveryState.Pending && d.CreatedUtc < before);
        await db.WebhookAttempts.Where(a => old.Any(d => d.Id == a.DeliveryId)).ExecuteDeleteAsync(ct);
        await old.ExecuteDeleteAsync(ct);
        await db.WebhookEvents.Where(e => e.FannedOutUtc != null && e.FannedOutUtc < before && !db.WebhookDeliveries.Any(d => d.EventId == e.Id))
            .ExecuteDeleteAsync(ct);
    }

    private sealed record Claimed(long Id, int EndpointId, string MessageId, string Payload, int Attempts, DateTime CreatedUtc);

    private sealed record Target(Uri Url, string Secret, bool AllowPrivate);

    private sealed record Outcome(WebhookDeliveryState State, DateTime Next, int? StatusCode, string? Excerpt, string? Error, bool Delivered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {MessageId} try {Attempt} failed: {StatusCode} {Error}")]
    private static partial void LogTryFailed(ILogger logger, string messageId, int attempt, int? statusCode, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook dispatcher failed; it looks again at its next poll.")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
