using ForumManager.Core.Mail;
using ForumManager.Data;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// Reports the outbox: messages waiting, the oldest one's age, messages given up on, and whether this instance can reach
/// the mail server (Degraded from the first failed connection, not only once mail has waited half an hour).
/// </summary>
public sealed class MailQueueHealthCheck(ForumDbContext db, OutboxDispatcher dispatcher, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);

    /// <summary>A message given up on shows as Degraded for a day; after that it is history, not a current problem.</summary>
    private static readonly TimeSpan RecentFailures = TimeSpan.FromDays(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - RecentFailures;
        var recentFailures = await db.OutboxMessages.AsNoTracking()
            .CountAsync(m => m.Status == OutboxStatus.Failed && m.NextAttemptUtc >= since, cancellationToken);
        var counts = await db.OutboxMessages.AsNoTracking()
            .GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Oldest = g.Min(m => m.CreatedUtc) })
            .ToListAsync(cancellationToken);
        var queued = counts.FirstOrDefault(c => c.Status == OutboxStatus.Queued);
        var failed = counts.FirstOrDefault(c => c.Status == OutboxStatus.Failed)?.Count ?? 0;
        var sent = counts.FirstOrDefault(c => c.Status == OutboxStatus.Sent)?.Count ?? 0;
        var oldestAge = queued is null ? TimeSpan.Zero : now - queued.Oldest;

        var data = new Dictionary<string, object>
        {
            ["queued"] = queued?.Count ?? 0,
            ["sent"] = sent,
            ["failed"] = failed,
            ["failedLastDay"] = recentFailures,
            ["oldestQueuedSeconds"] = (long)oldestAge.TotalSeconds,
        };

        if (dispatcher.ServerUnreachableSinceUtc is { } unreachableSince)
        {
            var down = now - unreachableSince;
            data["serverUnreachableSeconds"] = (long)down.TotalSeconds;
            return HealthCheckResult.Degraded(
                $"The mail server could not be reached for {(int)down.TotalMinutes} minutes; {queued?.Count ?? 0} messages wait for it.", data: data);
        }

        if (oldestAge > StaleAfter)
        {
            return HealthCheckResult.Degraded($"The oldest queued message has waited {(int)oldestAge.TotalMinutes} minutes.", data: data);
        }

        return recentFailures > 0
            ? HealthCheckResult.Degraded($"{recentFailures} messages could not be delivered in the last day.", data: data)
            : HealthCheckResult.Healthy("The mail queue is moving.", data);
    }
}
