using System.ComponentModel;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Core.Mail;
using ForumManager.Core.Registration;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using ForumManager.Features.Instances;
using Microsoft.Extensions.Caching.Hybrid;

namespace ForumManager.Features.Dashboard;

public sealed record StatusCount(RegistrationStatus Status, int Count);

public sealed record OutboxCount(OutboxStatus Status, int Count);

public sealed record CountryCount(string Code, int Count);

/// <summary>Delegates in play of one delegation (or of none, with a null id), with its names in both languages.</summary>
public sealed record DelegationCount(int? Id, string NameEn, string NameZh, int Count);

public sealed record DayCount(DateOnly Day, int Count);

/// <summary>Arrivals in one local hour of the forum's zone.</summary>
public sealed record HourCount(DateOnly Day, int Hour, int Count);

public sealed record NightCount(DateOnly Date, int RoomsHeld, int RoomsGiven, int Guests);

/// <summary>
/// The organizers' overview in figures, in no language (countries by code, delegations with both names), so that one
/// cached copy serves every reader. Immutable: the cache hands the same instance to every request.
/// </summary>
[ImmutableObject(true)]
public sealed record DashboardFigures(
    IReadOnlyList<StatusCount> ByStatus,
    int Delegations,
    int Sessions,
    IReadOnlyList<DayCount> RegistrationsPerDay,
    IReadOnlyList<CountryCount> ByCountry,
    IReadOnlyList<DelegationCount> ByDelegation,
    IReadOnlyList<HourCount> ArrivalsPerHour,
    IReadOnlyList<NightCount> Nights,
    int CheckedIn,
    IReadOnlyList<OutboxCount> Outbox)
{
    public int Count(RegistrationStatus status) => ByStatus.FirstOrDefault(s => s.Status == status)?.Count ?? 0;
}

/// <summary>
/// The dashboard's figures, counted by the database in a few GROUP BY queries and kept for <see cref="Lifetime"/> in the
/// hybrid cache (in memory, and in Redis when it is configured, so that every instance shares one count). A change of a
/// registration's status or a new registration evicts them (<see cref="ForgetAsync"/>), so an organizer who approves
/// someone sees the count move on the next page view; rooms, arrivals, check-ins and the mail queue are at most
/// <see cref="Lifetime"/> old.
/// </summary>
public sealed class DashboardCounts(ForumDbContext db, HybridCache cache, IInstanceSignals signals)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = Lifetime, LocalCacheExpiration = Lifetime };

    /// <summary>The tag of every cached count of a forum.</summary>
    public static string Tag(int forumId) => $"forum:{forumId}:counts";

    public ValueTask<DashboardFigures> GetAsync(Forum forum, CancellationToken ct) =>
        cache.GetOrCreateAsync($"forum:{forum.Id}:dashboard", (Db: db, Forum: forum), static (state, token) => new ValueTask<DashboardFigures>(CountAsync(state.Db, state.Forum, token)),
            Entry, [Tag(forum.Id)], ct);

    /// <summary>The mail queue alone, for the overview without a forum.</summary>
    public Task<IReadOnlyList<OutboxCount>> OutboxAsync(CancellationToken ct) => OutboxAsync(db, ct);

    /// <summary>Forgets a forum's cached figures and reports here, in Redis, and in every other instance's memory.</summary>
    public async ValueTask ForgetAsync(int forumId, CancellationToken ct)
    {
        await cache.RemoveByTagAsync(Tag(forumId), ct);
        signals.Publish(SignalTopics.ForgetCachedTag, Tag(forumId));
    }

    private static async Task<DashboardFigures> CountAsync(ForumDbContext db, Forum forum, CancellationToken ct)
    {
        var forumId = forum.Id;
        var zone = forum.TimeZone;

        // Two passes over indexes (forum, country, status) and (forum, delegation, status) give the funnel, the countries
        // and the delegations without reading a delegate's row; one pass over the rows grouping all three took ten times as long.
        var byCountryAndStatus = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId)
            .GroupBy(d => new { d.CountryCode, d.Status }).Select(g => new { g.Key.CountryCode, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var byDelegationAndStatus = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId)
            .GroupBy(d => new { d.DelegationId, d.Status }).Select(g => new { g.Key.DelegationId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        static bool InPlay(RegistrationStatus status) => status is not (RegistrationStatus.Rejected or RegistrationStatus.Cancelled);
        var byStatus = Enum.GetValues<RegistrationStatus>().Select(s => new StatusCount(s, byCountryAndStatus.Where(g => g.Status == s).Sum(g => g.Count))).ToList();
        var byCountry = byCountryAndStatus.Where(g => InPlay(g.Status)).GroupBy(g => g.CountryCode).Select(g => new CountryCount(g.Key, g.Sum(x => x.Count))).ToList();

        var delegations = await db.Delegations.AsNoTracking().Where(d => d.ForumId == forumId)
            .Select(d => new { d.Id, d.NameEn, d.NameZh }).ToDictionaryAsync(d => d.Id, ct);
        var byDelegation = byDelegationAndStatus.Where(g => InPlay(g.Status)).GroupBy(g => g.DelegationId)
            .Select(g => g.Key is { } id && delegations.TryGetValue(id, out var n)
                ? new DelegationCount(id, n.NameEn, n.NameZh, g.Sum(x => x.Count))
                : new DelegationCount(null, string.Empty, string.Empty, g.Sum(x => x.Count)))
            .ToList();

        return new DashboardFigures(
            byStatus,
            delegations.Count,
            await db.Sessions.CountAsync(s => s.ForumId == forumId, ct),
            await RegistrationsPerDayAsync(db, forumId, zone, ct),
            byCountry,
            byDelegation,
            await ArrivalsPerHourAsync(db, forumId, zone, ct),
            await NightsAsync(db, forumId, ct),
            await db.CheckIns.CountAsync(c => c.ForumId == forumId && c.Checkpoint == Checkpoints.Main, ct),
            await OutboxAsync(db, ct));
    }

    private static async Task<IReadOnlyList<OutboxCount>> OutboxAsync(ForumDbContext db, CancellationToken ct)
    {
        var outbox = await db.OutboxMessages.AsNoTracking()
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<OutboxStatus>().Select(s => new OutboxCount(s, outbox.FirstOrDefault(x => x.Key == s)?.Count ?? 0)).ToList();
    }

    /// <summary>
    /// Registrations counted per hour of UTC, or per quarter hour where the forum's zone is not a whole number of
    /// hours from UTC, so that each count falls whole into one local hour. Day of year rather than date, since taking the
    /// date costs SQLite a string round trip per row.
    /// </summary>
    private sealed record Quarter(int Year, int DayOfYear, int Hour, int Minutes, int Count)
    {
        public DateTime Local(TimeZoneInfo zone) =>
            ForumTime.ToLocal(new DateTime(Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(DayOfYear - 1).AddHours(Hour).AddMinutes(Minutes * 15), zone);
    }

    private static bool WholeHours(TimeZoneInfo zone) =>
        zone.BaseUtcOffset.Minutes == 0 && zone.GetAdjustmentRules().All(r => r.DaylightDelta.Minutes == 0 && r.BaseUtcOffsetDelta.Minutes == 0);

    private static async Task<IReadOnlyList<DayCount>> RegistrationsPerDayAsync(ForumDbContext db, int forumId, TimeZoneInfo zone, CancellationToken ct)
    {
        var whole = WholeHours(zone);
        var quarters = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId)
            .GroupBy(d => new { d.CreatedUtc.Year, d.CreatedUtc.DayOfYear, d.CreatedUtc.Hour, Quarter = whole ? 0 : d.CreatedUtc.Minute / 15 })
            .Select(g => new Quarter(g.Key.Year, g.Key.DayOfYear, g.Key.Hour, g.Key.Quarter, g.Count()))
            .ToListAsync(ct);
        return quarters.GroupBy(q => DateOnly.FromDateTime(q.Local(zone))).Select(g => new DayCount(g.Key, g.Sum(q => q.Count))).OrderBy(d => d.Day).ToList();
    }

    /// <summary>Arrivals counted per time of landing (flights share a handful of times, however many are on them), then put in their local hour.</summary>
    private static async Task<IReadOnlyList<HourCount>> ArrivalsPerHourAsync(ForumDbContext db, int forumId, TimeZoneInfo zone, CancellationToken ct)
    {
        var times = await db.Journeys.AsNoTracking().Where(j => j.ForumId == forumId && j.Direction == JourneyDirection.Arrival)
            .GroupBy(j => j.ScheduledUtc).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return times.Select(t => (Local: ForumTime.ToLocal(t.Key, zone), t.Count))
            .GroupBy(x => (Day: DateOnly.FromDateTime(x.Local), x.Local.Hour)).Select(g => new HourCount(g.Key.Day, g.Key.Hour, g.Sum(x => x.Count)))
            .OrderBy(h => h.Day).ThenBy(h => h.Hour).ToList();
    }

    private static async Task<IReadOnlyList<NightCount>> NightsAsync(ForumDbContext db, int forumId, CancellationToken ct)
    {
        // A forum holds a handful of blocks; what grows with the delegates is counted by the database.
        var blocks = await db.RoomBlocks.AsNoTracking().Where(b => b.ForumId == forumId)
            .Select(b => new { b.Id, b.FirstNight, b.LastNight, b.Rooms }).ToListAsync(ct);
        if (blocks.Count == 0)
        {
            return [];
        }

        var given = await db.HotelRooms.AsNoTracking().Where(r => r.ForumId == forumId)
            .GroupBy(r => r.RoomBlockId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var stays = await (from o in db.RoomOccupants.AsNoTracking()
                           join r in db.AccommodationRequests.AsNoTracking() on o.DelegateId equals r.DelegateId
                           where o.ForumId == forumId
                           group o by new { r.CheckIn, r.CheckOut } into g
                           select new { g.Key.CheckIn, g.Key.CheckOut, Count = g.Count() }).ToListAsync(ct);

        var nights = new List<NightCount>();
        for (var night = blocks.Min(b => b.FirstNight); night <= blocks.Max(b => b.LastNight); night = night.AddDays(1))
        {
            var open = blocks.Where(b => b.FirstNight <= night && night <= b.LastNight).ToList();
            nights.Add(new NightCount(night,
                open.Sum(b => b.Rooms),
                open.Sum(b => given.GetValueOrDefault(b.Id)),
                stays.Where(s => s.CheckIn <= night && night < s.CheckOut).Sum(s => s.Count)));
        }

        return nights;
    }
}

/// <summary>
/// Each instance keeps the hybrid cache's first level in its own memory: a tag forgotten on another instance is
/// forgotten here too, as soon as its signal arrives.
/// </summary>
public sealed class CachedCountsEviction(IInstanceSignals signals, HybridCache cache) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = signals.Subscribe(SignalTopics.ForgetCachedTag, tag => _ = cache.RemoveByTagAsync(tag, CancellationToken.None).AsTask());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
