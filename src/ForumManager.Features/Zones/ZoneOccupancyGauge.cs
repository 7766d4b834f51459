using System.Diagnostics.Metrics;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Zones;

/// <summary>
/// How many people are inside each zone, as a gauge read from the presence rows whenever a metrics reader collects
/// (once a minute with the OTLP exporter). Read from the database rather than counted up and down in memory, so every
/// instance reports the same true figure, a restart starts from it, and "everyone out" needs no bookkeeping; one
/// grouped count on an indexed column per collection, and a second reader within a few seconds gets the same answer.
/// The gauge has a meter of its own, disposed with the app, so that a host built twice in one process (the tests) never
/// leaves a callback on a disposed container.
/// </summary>
public sealed partial class ZoneOccupancyGauge : IDisposable
{
    private static readonly TimeSpan Reuse = TimeSpan.FromSeconds(5);

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly ILogger<ZoneOccupancyGauge> logger;
    private readonly Meter meter = new(FeatureTelemetry.Name);
    private readonly Lock gate = new();
    private IReadOnlyList<Measurement<int>> last = [];
    private DateTimeOffset readAt = DateTimeOffset.MinValue;

    public ZoneOccupancyGauge(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ZoneOccupancyGauge> logger)
    {
        this.scopes = scopes;
        this.clock = clock;
        this.logger = logger;
        meter.CreateObservableGauge("forummanager.zone.occupancy", Measure, "{person}", "People inside each zone now.");
    }

    private IEnumerable<Measurement<int>> Measure()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (now - readAt < Reuse)
            {
                return last;
            }

            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
                // The metrics reader calls back synchronously on its own thread: a blocking read is what it allows.
                last = db.Zones.AsNoTracking()
                    .Select(z => new { z.ForumId, z.Code, Inside = db.ZonePresences.Count(p => p.ZoneId == z.Id && p.Inside) })
                    .AsEnumerable()
                    .Select(z => new Measurement<int>(z.Inside,
                        new KeyValuePair<string, object?>(FeatureTelemetry.ForumTag, z.ForumId),
                        new KeyValuePair<string, object?>(FeatureTelemetry.ZoneTag, z.Code)))
                    .ToList();
            }
            catch (Exception e)
            {
                // The database is away: no figure rather than a wrong one, and the app goes on.
                LogUnread(logger, e);
                last = [];
            }

            readAt = now;
            return last;
        }
    }

    public void Dispose() => meter.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zone occupancy could not be read for the metrics.")]
    private static partial void LogUnread(ILogger logger, Exception exception);
}
