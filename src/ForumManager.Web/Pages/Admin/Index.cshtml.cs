using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Core.Mail;
using ForumManager.Core.Registration;
using ForumManager.Data;
using ForumManager.Features.Forums;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Pages.Admin;

/// <summary>
/// The organizers' overview: registrations, where delegates come from, arrivals, hotel nights and check-in, as charts
/// with their figures. Every figure is counted by the database; no page load reads the delegates themselves.
/// </summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current) : PageModel
{
    /// <summary>Countries drawn one by one; the rest share one bar.</summary>
    public const int TopCountries = 15;

    /// <summary>Delegations drawn one by one; the table lists them all.</summary>
    public const int TopDelegations = 30;

    public sealed record NamedCount(string Name, int Count);

    public sealed record HourCount(DateOnly Day, int Hour, int Count);

    public sealed record Night(DateOnly Date, int RoomsHeld, int RoomsGiven, int Guests);

    public Forum? Forum { get; private set; }
    public IReadOnlyList<(RegistrationStatus Status, int Count)> ByStatus { get; private set; } = [];
    public int Delegations { get; private set; }
    public int Sessions { get; private set; }
    public IReadOnlyList<(OutboxStatus Status, int Count)> Outbox { get; private set; } = [];

    /// <summary>Registrations over the registration window; null before the first one.</summary>
    public RegistrationTimeline? Registrations { get; private set; }

    /// <summary>Registrations still in play (not rejected or cancelled), by country, most first.</summary>
    public IReadOnlyList<NamedCount> ByCountry { get; private set; } = [];

    public IReadOnlyList<NamedCount> ByDelegation { get; private set; } = [];
    public IReadOnlyList<HourCount> ArrivalsPerHour { get; private set; } = [];
    public IReadOnlyList<Night> Nights { get; private set; } = [];
    public int Approved { get; private set; }
    public int CheckedIn { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        if (Forum is not null)
        {
            var forumId = Forum.Id;
            var statuses = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId)
                .GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            ByStatus = Enum.GetValues<RegistrationStatus>()
                .Select(s => (s, statuses.FirstOrDefault(x => x.Key == s)?.Count ?? 0)).ToList();
            Approved = ByStatus.First(s => s.Status == RegistrationStatus.Approved).Count;
            Delegations = await db.Delegations.CountAsync(d => d.ForumId == forumId, ct);
            Sessions = await db.Sessions.CountAsync(s => s.ForumId == forumId, ct);

            var zone = Forum.TimeZone;
            Registrations = RegistrationTimeline.For(await RegistrationsPerDayAsync(forumId, zone, ct), Forum.StartDate, Forum.EndDate);
            ByCountry = await ByCountryAsync(forumId, ct);
            ByDelegation = await ByDelegationAsync(forumId, ct);
            ArrivalsPerHour = await ArrivalsPerHourAsync(forumId, zone, ct);
            Nights = await NightsAsync(forumId, ct);
            CheckedIn = await db.CheckIns.CountAsync(c => c.ForumId == forumId && c.Checkpoint == Checkpoints.Main, ct);
        }

        var outbox = await db.OutboxMessages.AsNoTracking()
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Outbox = Enum.GetValues<OutboxStatus>().Select(s => (s, outbox.FirstOrDefault(x => x.Key == s)?.Count ?? 0)).ToList();
    }

    /// <summary>
    /// Delegates and journeys counted per hour of UTC, or per quarter hour where the forum's zone is not a whole number of
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

    private async Task<IReadOnlyDictionary<DateOnly, int>> RegistrationsPerDayAsync(int forumId, TimeZoneInfo zone, CancellationToken ct)
    {
        var whole = WholeHours(zone);
        var quarters = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId)
            .GroupBy(d => new { d.CreatedUtc.Year, d.CreatedUtc.DayOfYear, d.CreatedUtc.Hour, Quarter = whole ? 0 : d.CreatedUtc.Minute / 15 })
            .Select(g => new Quarter(g.Key.Year, g.Key.DayOfYear, g.Key.Hour, g.Key.Quarter, g.Count()))
            .ToListAsync(ct);
        return quarters.GroupBy(q => DateOnly.FromDateTime(q.Local(zone))).ToDictionary(g => g.Key, g => g.Sum(q => q.Count));
    }

    private async Task<IReadOnlyList<NamedCount>> ByCountryAsync(int forumId, CancellationToken ct)
    {
        var counts = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && d.Status != RegistrationStatus.Rejected && d.Status != RegistrationStatus.Cancelled)
            .GroupBy(d => d.CountryCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var chinese = UiLanguage.Chinese;
        return counts.Select(c => new NamedCount(Countries.Find(c.Key)?.Name(chinese) ?? c.Key, c.Count))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList();
    }

    private async Task<IReadOnlyList<NamedCount>> ByDelegationAsync(int forumId, CancellationToken ct)
    {
        var counts = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && d.Status != RegistrationStatus.Rejected && d.Status != RegistrationStatus.Cancelled)
            .GroupBy(d => d.DelegationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var names = await db.Delegations.AsNoTracking().Where(d => d.ForumId == forumId)
            .Select(d => new { d.Id, d.NameEn, d.NameZh }).ToDictionaryAsync(d => d.Id, ct);
        var chinese = UiLanguage.Chinese;
        return counts.Select(c => new NamedCount(
                c.Key is { } id && names.TryGetValue(id, out var n) ? (chinese ? n.NameZh : n.NameEn) : string.Empty, c.Count))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList();
    }

    private async Task<IReadOnlyList<HourCount>> ArrivalsPerHourAsync(int forumId, TimeZoneInfo zone, CancellationToken ct)
    {
        var whole = WholeHours(zone);
        var quarters = await db.Journeys.AsNoTracking().Where(j => j.ForumId == forumId && j.Direction == JourneyDirection.Arrival)
            .GroupBy(j => new { j.ScheduledUtc.Year, j.ScheduledUtc.DayOfYear, j.ScheduledUtc.Hour, Quarter = whole ? 0 : j.ScheduledUtc.Minute / 15 })
            .Select(g => new Quarter(g.Key.Year, g.Key.DayOfYear, g.Key.Hour, g.Key.Quarter, g.Count()))
            .ToListAsync(ct);
        return quarters.Select(q => q.Local(zone)).Zip(quarters, (local, q) => (Day: DateOnly.FromDateTime(local), local.Hour, q.Count))
            .GroupBy(x => (x.Day, x.Hour)).Select(g => new HourCount(g.Key.Day, g.Key.Hour, g.Sum(x => x.Count)))
            .OrderBy(h => h.Day).ThenBy(h => h.Hour).ToList();
    }

    private async Task<IReadOnlyList<Night>> NightsAsync(int forumId, CancellationToken ct)
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

        var nights = new List<Night>();
        for (var night = blocks.Min(b => b.FirstNight); night <= blocks.Max(b => b.LastNight); night = night.AddDays(1))
        {
            var open = blocks.Where(b => b.FirstNight <= night && night <= b.LastNight).ToList();
            nights.Add(new Night(night,
                open.Sum(b => b.Rooms),
                open.Sum(b => given.GetValueOrDefault(b.Id)),
                stays.Where(s => s.CheckIn <= night && night < s.CheckOut).Sum(s => s.Count)));
        }

        return nights;
    }
}
