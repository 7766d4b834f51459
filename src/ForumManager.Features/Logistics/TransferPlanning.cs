using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using ForumManager.Features.Webhooks;
using Delegate = ForumManager.Core.Delegates.Delegate;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Logistics;

public enum SeatOutcome
{
    Seated,
    VehicleFull,
    NotFound,
}

/// <summary>
/// Pickup waves and vehicle seats. A seat is taken by one conditional update (<c>Taken &lt; Seats</c>) with a check
/// constraint behind it, and a journey's seat is set only where it has none, so two organizers cannot overfill a vehicle.
/// </summary>
public sealed class TransferPlanning(ForumDbContext db, TimeProvider clock)
{
    /// <summary>How long a vehicle is busy after it leaves the airport: the drive to the hotel and back.</summary>
    public static readonly TimeSpan RoundTrip = TimeSpan.FromMinutes(120);

    /// <summary>Groups the day's arrivals not yet in a wave; returns how many waves were made.</summary>
    public async Task<int> PlanWavesAsync(Forum forum, DateOnly day, TimeSpan window, TimeSpan allowance, Actor actor, CancellationToken ct)
    {
        var (from, to) = DayInUtc(forum, day);
        var forumId = forum.Id;
        var arrivals = await db.Journeys.AsNoTracking()
            .Where(j => j.ForumId == forumId && j.Direction == JourneyDirection.Arrival && j.PickupWaveId == null && j.ScheduledUtc >= from && j.ScheduledUtc < to)
            .Join(db.Delegates.Where(d => d.Status == RegistrationStatus.Approved), j => j.DelegateId, d => d.Id,
                (j, d) => new TimedJourney(j.Id, j.HubId, j.ScheduledUtc, d.DelegationId, d.Category == DelegateCategory.Vip || d.Category == DelegateCategory.HeadOfDelegation))
            .ToListAsync(ct);
        var planned = PickupWavePlanner.Plan(arrivals, window, allowance);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var made = planned.Count;
        foreach (var wave in planned)
        {
            var entity = new PickupWave
            {
                ForumId = forumId, HubId = wave.HubId, Direction = JourneyDirection.Arrival,
                StartUtc = wave.StartUtc, EndUtc = wave.EndUtc, DepartsUtc = wave.DepartsUtc,
            };
            db.PickupWaves.Add(entity);
            await db.SaveChangesAsync(ct);
            var ids = wave.JourneyIds.ToList();
            if (await db.Journeys.Where(j => ids.Contains(j.Id) && j.PickupWaveId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.PickupWaveId, entity.Id), ct) == 0)
            {
                // Another organizer grouped these arrivals a moment ago; an empty wave is no use to anyone.
                db.PickupWaves.Remove(entity);
                await db.SaveChangesAsync(ct);
                made--;
            }
        }

        db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(PickupWave), 0, "waves-planned",
            after: $"{day:yyyy-MM-dd}: {made} waves, window {window.TotalMinutes} min"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return made;
    }

    /// <summary>Seats the wave's passengers who have no seat, in vehicles free at that time; returns how many could not be seated.</summary>
    public async Task<int> SuggestVehiclesAsync(int forumId, int waveId, Actor actor, CancellationToken ct)
    {
        var wave = await db.PickupWaves.AsNoTracking().FirstOrDefaultAsync(w => w.Id == waveId && w.ForumId == forumId, ct);
        if (wave is null)
            return 0;

        var passengers = await db.Journeys.AsNoTracking().Where(j => j.PickupWaveId == waveId && j.TransferId == null)
            .Join(db.Delegates, j => j.DelegateId, d => d.Id,
                (j, d) => new Passenger(j.Id, d.DelegationId, d.Category == DelegateCategory.Vip || d.Category == DelegateCategory.HeadOfDelegation))
            .ToListAsync(ct);
        var serving = await db.Transfers.AsNoTracking().Where(t => t.PickupWaveId == waveId).ToDictionaryAsync(t => t.VehicleId, ct);
        // Busy elsewhere: another wave whose run (from its first arrival to the drive back) overlaps this one's.
        var busyUntil = wave.DepartsUtc + RoundTrip;
        var backBy = wave.StartUtc - RoundTrip;
        var busy = await db.Transfers.AsNoTracking()
            .Where(t => t.ForumId == forumId && t.PickupWaveId != waveId && t.PickupWave!.StartUtc < busyUntil && t.PickupWave.DepartsUtc > backBy)
            .Select(t => t.VehicleId).Distinct().ToListAsync(ct);
        var vehicles = await db.Vehicles.AsNoTracking().Where(v => v.ForumId == forumId).OrderBy(v => v.Id).ToListAsync(ct);
        var seats = vehicles.Where(v => serving.ContainsKey(v.Id) || !busy.Contains(v.Id))
            .Select(v => serving.TryGetValue(v.Id, out var t) ? new VehicleSeats(v.Id, t.Seats - t.Taken, true) : new VehicleSeats(v.Id, v.Seats, false))
            .ToList();
        var plan = VehicleAssigner.Assign(passengers, seats);

        var unseated = plan.Unseated.Count;
        foreach (var vehicleId in plan.VehicleOf.Values.Distinct().Where(v => !serving.ContainsKey(v)))
        {
            // A vehicle removed meanwhile leaves its passengers without a seat, to be placed again.
            if (await AddVehicleAsync(forumId, waveId, vehicleId, ct) is { } added)
                serving[vehicleId] = added;
        }

        foreach (var (journeyId, vehicleId) in plan.VehicleOf)
        {
            if (!serving.TryGetValue(vehicleId, out var transfer) || await SeatAsync(forumId, journeyId, transfer.Id, actor: null, ct) != SeatOutcome.Seated)
                unseated++;
        }

        db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(PickupWave), waveId, "vehicles-suggested",
            after: $"{plan.VehicleOf.Count - (unseated - plan.Unseated.Count)} seated, {unseated} without a seat"));
        await db.SaveChangesAsync(ct);
        return unseated;
    }

    /// <summary>
    /// Seats the passengers of every wave of the forum-local day, earliest wave first, so that a vehicle goes to the wave
    /// that needs it first and is counted busy for the later ones; returns how many waves there were and how many passengers have no seat.
    /// </summary>
    public async Task<(int Waves, int Unseated)> SuggestVehiclesForDayAsync(Forum forum, DateOnly day, Actor actor, CancellationToken ct)
    {
        var (from, to) = DayInUtc(forum, day);
        var forumId = forum.Id;
        var waves = await db.PickupWaves.AsNoTracking().Where(w => w.ForumId == forumId && w.StartUtc >= from && w.StartUtc < to)
            .OrderBy(w => w.StartUtc).ThenBy(w => w.Id).Select(w => w.Id).ToListAsync(ct);
        var unseated = 0;
        foreach (var wave in waves)
            unseated += await SuggestVehiclesAsync(forumId, wave, actor, ct);
        return (waves.Count, unseated);
    }

    /// <summary>Puts a vehicle on a wave (its seats as it has them now); the existing one when it is already there.</summary>
    public async Task<Transfer?> AddVehicleAsync(int forumId, int waveId, int vehicleId, CancellationToken ct)
    {
        var existing = await db.Transfers.FirstOrDefaultAsync(t => t.PickupWaveId == waveId && t.VehicleId == vehicleId, ct);
        if (existing is not null)
            return existing;

        var vehicle = await db.Vehicles.AsNoTracking().FirstOrDefaultAsync(v => v.Id == vehicleId && v.ForumId == forumId, ct);
        if (vehicle is null || !await db.PickupWaves.AnyAsync(w => w.Id == waveId && w.ForumId == forumId, ct))
            return null;

        var transfer = new Transfer { ForumId = forumId, PickupWaveId = waveId, VehicleId = vehicleId, Seats = vehicle.Seats };
        db.Transfers.Add(transfer);
        try
        {
            await db.SaveChangesAsync(ct);
            return transfer;
        }
        catch (DbUpdateException)
        {
            // Another organizer added the same vehicle a moment ago; theirs is the one.
            db.ChangeTracker.Clear();
            return await db.Transfers.FirstOrDefaultAsync(t => t.PickupWaveId == waveId && t.VehicleId == vehicleId, ct);
        }
    }

    /// <summary>Gives a journey a seat in a vehicle of its wave, or takes its seat away when <paramref name="transferId"/> is null.</summary>
    public async Task<SeatOutcome> SeatAsync(int forumId, int journeyId, int? transferId, Actor? actor, CancellationToken ct)
    {
        var journey = await db.Journeys.AsNoTracking().Where(j => j.Id == journeyId && j.ForumId == forumId)
            .Select(j => new { j.Id, j.DelegateId, j.TransferId, j.PickupWaveId }).FirstOrDefaultAsync(ct);
        if (journey is null || (transferId is { } t && !await db.Transfers.AnyAsync(x => x.Id == t && x.PickupWaveId == journey.PickupWaveId, ct)))
            return SeatOutcome.NotFound;
        if (journey.TransferId == transferId)
            return SeatOutcome.Seated;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ReleaseSeatAsync(journeyId, ct);
        if (transferId is { } target)
        {
            var taken = await db.Transfers.Where(x => x.Id == target && x.Taken < x.Seats)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken + 1), ct) == 1;
            if (!taken || await db.Journeys.Where(j => j.Id == journeyId && j.TransferId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.TransferId, target), ct) != 1)
                return SeatOutcome.VehicleFull;
        }

        // The seat is an ExecuteUpdate the change tracker never sees: its webhook event is written here, in the same transaction.
        WebhookEventLog.Add(db, forumId, WebhookEvents.TransferAssigned,
            new { journeyId, delegateId = journey.DelegateId, transferId, pickupWaveId = journey.PickupWaveId }, clock.GetUtcNow().UtcDateTime);
        if (actor is not null)
        {
            db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(Delegate), journey.DelegateId, "pickup-seat",
                journey.TransferId?.ToString(System.Globalization.CultureInfo.InvariantCulture), transferId?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        await db.SaveChangesAsync(ct);

        await transaction.CommitAsync(ct);
        return SeatOutcome.Seated;
    }

    /// <summary>Frees a journey's seat; the caller's transaction keeps it whole.</summary>
    public async Task ReleaseSeatAsync(int journeyId, CancellationToken ct)
    {
        var seat = await db.Journeys.Where(j => j.Id == journeyId).Select(j => j.TransferId).FirstOrDefaultAsync(ct);
        if (seat is not { } transferId)
            return;
        if (await db.Journeys.Where(j => j.Id == journeyId && j.TransferId == transferId).ExecuteUpdateAsync(s => s.SetProperty(j => j.TransferId, (int?)null), ct) == 1)
            await db.Transfers.Where(x => x.Id == transferId && x.Taken > 0).ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken - 1), ct);
    }

    /// <summary>The forum-local day as a UTC range; the calendar's last day (only a made-up URL asks for it) runs to the last instant there is.</summary>
    public static (DateTime From, DateTime To) DayInUtc(Forum forum, DateOnly day) =>
        (ForumTime.ToUtc(day, TimeOnly.MinValue, forum.TimeZone),
            day < DateOnly.MaxValue ? ForumTime.ToUtc(day.AddDays(1), TimeOnly.MinValue, forum.TimeZone) : DateTime.MaxValue);
}
