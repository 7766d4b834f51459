namespace ForumManager.Core.Logistics;

public sealed record TimedJourney(int JourneyId, int HubId, DateTime ScheduledUtc, int? DelegationId, bool Senior);

public sealed record PlannedWave(int HubId, DateTime StartUtc, DateTime EndUtc, DateTime DepartsUtc, IReadOnlyList<int> JourneyIds);

/// <summary>
/// Groups arrivals at each place into pickup waves: a wave opens with the earliest arrival not yet met and takes every
/// arrival within the window after it; the vehicles leave once the last of them is through baggage and immigration.
/// </summary>
public static class PickupWavePlanner
{
    public static IReadOnlyList<PlannedWave> Plan(IEnumerable<TimedJourney> arrivals, TimeSpan window, TimeSpan allowance)
    {
        if (window < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(window));

        var waves = new List<PlannedWave>();
        foreach (var hub in arrivals.GroupBy(a => a.HubId).OrderBy(h => h.Key))
        {
            var current = new List<TimedJourney>();
            foreach (var arrival in hub.OrderBy(a => a.ScheduledUtc).ThenBy(a => a.JourneyId))
            {
                if (current.Count > 0 && arrival.ScheduledUtc - current[0].ScheduledUtc > window)
                {
                    waves.Add(Close(hub.Key, current, allowance));
                    current = [];
                }

                current.Add(arrival);
            }

            if (current.Count > 0)
                waves.Add(Close(hub.Key, current, allowance));
        }

        return waves.OrderBy(w => w.StartUtc).ThenBy(w => w.HubId).ToList();
    }

    private static PlannedWave Close(int hub, List<TimedJourney> journeys, TimeSpan allowance) =>
        new(hub, journeys[0].ScheduledUtc, journeys[^1].ScheduledUtc, journeys[^1].ScheduledUtc + allowance, journeys.Select(j => j.JourneyId).ToList());
}

/// <summary>A vehicle free to serve a wave, with the seats it has left there (all of them if it is not serving it yet).</summary>
public sealed record VehicleSeats(int VehicleId, int FreeSeats, bool AlreadyServing);

public sealed record Passenger(int JourneyId, int? DelegationId, bool Senior);

public sealed record SeatPlan(IReadOnlyDictionary<int, int> VehicleOf, IReadOnlyList<int> Unseated);

/// <summary>
/// Seats a wave's passengers: vehicles already serving the wave are used first, then the fewest further vehicles that
/// hold everyone (largest first); each delegation rides together when some vehicle has seats for all of it, and
/// delegations are seated largest first so that they fit. No vehicle is given more passengers than its free seats.
/// </summary>
public static class VehicleAssigner
{
    public static SeatPlan Assign(IReadOnlyList<Passenger> passengers, IReadOnlyList<VehicleSeats> vehicles)
    {
        var free = new Dictionary<int, int>();
        var needed = passengers.Count;
        foreach (var vehicle in vehicles.OrderByDescending(v => v.AlreadyServing).ThenByDescending(v => v.FreeSeats).ThenBy(v => v.VehicleId))
        {
            if (needed <= 0 && !vehicle.AlreadyServing)
                break;
            if (vehicle.FreeSeats <= 0)
                continue;
            free[vehicle.VehicleId] = vehicle.FreeSeats;
            needed -= vehicle.FreeSeats;
        }

        var vehicleOf = new Dictionary<int, int>();
        var unseated = new List<int>();
        var groups = passengers.GroupBy(p => p.DelegationId ?? -p.JourneyId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(p => p.JourneyId));
        foreach (var group in groups)
        {
            var members = group.OrderByDescending(p => p.Senior).ThenBy(p => p.JourneyId).ToList();

            // The tightest vehicle that takes the whole delegation; otherwise fill the roomiest ones in turn.
            var whole = free.Where(f => f.Value >= members.Count).OrderBy(f => f.Value).ThenBy(f => f.Key).Select(f => (int?)f.Key).FirstOrDefault();
            foreach (var member in members)
            {
                var vehicle = whole is { } w && free[w] > 0 ? w
                    : free.Where(f => f.Value > 0).OrderByDescending(f => f.Value).ThenBy(f => f.Key).Select(f => (int?)f.Key).FirstOrDefault();
                if (vehicle is not { } chosen)
                {
                    unseated.Add(member.JourneyId);
                    continue;
                }

                vehicleOf[member.JourneyId] = chosen;
                free[chosen]--;
            }
        }

        return new SeatPlan(vehicleOf, unseated);
    }

    /// <summary>Whether a vehicle busy from <paramref name="aStart"/> to <paramref name="aEnd"/> can also serve the other run.</summary>
    public static bool Overlaps(DateTime aStart, DateTime aEnd, DateTime bStart, DateTime bEnd) => aStart < bEnd && bStart < aEnd;
}
