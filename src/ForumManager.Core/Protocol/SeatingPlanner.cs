using ForumManager.Core.Programme;

namespace ForumManager.Core.Protocol;

/// <summary>
/// Someone attending a seated session, as the planner sees them. <paramref name="Rank"/> is the precedence rank (lower
/// goes first); <paramref name="Accompanies"/> the person a companion comes with.
/// </summary>
public sealed record SeatingAttendee(PersonKey Person, int Rank, int? DelegationId = null, bool Press = false, bool Interpreter = false,
    PersonKey? Accompanies = null);

/// <summary>A seat of the session's layout held back, and for what.</summary>
public readonly record struct ReservedSpot(int Table, int Seat, SeatPurpose Purpose);

/// <summary>One person in one seat, or in the chair behind it (<paramref name="Behind"/>).</summary>
public readonly record struct PlannedSeat(PersonKey Person, int Table, int Seat, bool Behind = false);

/// <summary>Why someone attending was left without a seat.</summary>
public enum UnseatedReason
{
    /// <summary>Every free seat of the layout is taken.</summary>
    NoSeatLeft = 0,

    /// <summary>Press delegates sit only in the press seats, and those are taken.</summary>
    PressSeatsFull = 1,

    /// <summary>The interpreters' seats are taken.</summary>
    InterpreterSeatsFull = 2,

    /// <summary>Without consecutive interpretation the interpreters work in the booth, not at the table.</summary>
    InterpreterInBooth = 3,

    /// <summary>Consecutive interpretation, but every chair behind the host's table is taken.</summary>
    NoChairBehind = 4,

    /// <summary>Attending but not in the plan: registered after it was made, or not yet seated at all.</summary>
    NotYetSeated = 5,
}

public readonly record struct UnseatedPerson(PersonKey Person, UnseatedReason Reason);

public sealed record SeatingPlan(IReadOnlyList<PlannedSeat> Seats, IReadOnlyList<UnseatedPerson> Unseated);

/// <summary>What the planner is given: the layout's seats, the held seats, the host and who attends.</summary>
public sealed record SeatingRequest(SeatMap Map, IReadOnlyList<ReservedSpot> Reserved, PersonKey? Host, bool Consecutive,
    IReadOnlyList<SeatingAttendee> People);

/// <summary>
/// Seats a session by precedence, as a protocol office does it by hand:
/// <list type="number">
/// <item>The host takes the host's reserved seat if one is marked, else the first seat of honour of the head table (table
/// 0) or of table 1. Without a host (or with a host who does not attend) the principal guest takes that seat.</item>
/// <item>The principal guest (the best rank) sits at the host's right: the next seat of honour at the host's table.</item>
/// <item>People go to tables in units: a delegation with its members' companions, or a person alone with their
/// companions. Units go in the order of their best rank to the first table with room for the whole unit, the host's
/// table first and then by number (the head table before table 1), so better-ranked delegations sit nearer the head. A
/// unit that fits nowhere whole is split over the fewest tables (those with the most room). The principal guest's unit
/// joins the host's table when it fits there; otherwise the principal alone does, and the unit goes on as any other.</item>
/// <item>At each table people take the free seats in honour order by rank (the host's right, the left, alternating).</item>
/// <item>Press delegates sit in the press seats when any are reserved (and wait when those are full); interpreters take
/// the interpreters' seats when any are reserved; otherwise, with consecutive interpretation, they sit behind: a companion
/// interpreter behind the person they accompany, the others behind the host, the principal guest and on down the host's
/// table; without it they stay in the booth. Other reserved seats stay empty.</item>
/// </list>
/// Tables are kept in buckets by their free seats, so placing a unit looks at the seat counts, not at every table: the
/// work grows with the people, and 2,000 people at 200 tables take a millisecond or two.
/// </summary>
public static class SeatingPlanner
{
    public static SeatingPlan Plan(SeatingRequest request)
    {
        var seats = new List<PlannedSeat>();
        var unseated = new List<UnseatedPerson>();

        // One entry per person, the best rank kept if a caller lists someone twice.
        var people = new Dictionary<PersonKey, SeatingAttendee>();
        foreach (var person in request.People)
        {
            if (!people.TryGetValue(person.Person, out var known) || person.Rank < known.Rank)
            {
                people[person.Person] = person;
            }
        }

        var reserved = new Dictionary<(int Table, int Seat), SeatPurpose>();
        foreach (var spot in request.Reserved)
        {
            reserved[(spot.Table, spot.Seat)] = spot.Purpose;
        }

        // The free seats of every table in honour order, the host's table first once it is known.
        var byTable = new SortedDictionary<int, List<SeatSpot>>();
        foreach (var seat in request.Map.Seats)
        {
            if (!byTable.TryGetValue(seat.Table, out var list))
            {
                byTable[seat.Table] = list = [];
            }

            list.Add(seat);
        }

        foreach (var list in byTable.Values)
        {
            list.Sort((a, b) => a.Honour != b.Honour ? a.Honour.CompareTo(b.Honour) : a.Seat.CompareTo(b.Seat));
        }

        var free = byTable.ToDictionary(t => t.Key, t => new Queue<SeatSpot>(t.Value.Where(s => !reserved.ContainsKey((s.Table, s.Seat)))));
        var bySeat = request.Map.Seats.ToDictionary(s => (s.Table, s.Seat));

        var interpreters = people.Values.Where(p => p.Interpreter).OrderBy(p => p.Rank).ThenBy(p => p.Person.Kind).ThenBy(p => p.Person.Id).ToList();
        var pressSeats = Ordered(request.Reserved.Where(r => r.Purpose == SeatPurpose.Press), bySeat);
        var pressApart = pressSeats.Count > 0;
        var press = pressApart ? people.Values.Where(p => p.Press && !p.Interpreter).OrderBy(p => p.Rank).ThenBy(p => p.Person.Id).ToList() : [];
        var guests = people.Values.Where(p => !p.Interpreter && !(pressApart && p.Press))
            .OrderBy(p => p.Rank).ThenBy(p => p.Person.Kind).ThenBy(p => p.Person.Id).ToList();

        // The host, and the table everything is measured from.
        var host = request.Host is { } hostKey && people.TryGetValue(hostKey, out var h) && !h.Interpreter ? h : null;
        var hostSeat = Ordered(request.Reserved.Where(r => r.Purpose == SeatPurpose.Host), bySeat).Cast<SeatSpot?>().FirstOrDefault();
        var hostTable = hostSeat?.Table ?? (byTable.ContainsKey(0) ? 0 : byTable.Keys.FirstOrDefault());
        var taken = new Dictionary<PersonKey, PlannedSeat>();
        void Take(PersonKey person, SeatSpot seat, bool behind = false)
        {
            var planned = new PlannedSeat(person, seat.Table, seat.Seat, behind);
            seats.Add(planned);
            if (!behind)
            {
                taken[person] = planned;
            }
        }

        if (host is not null)
        {
            if (hostSeat is { } marked)
            {
                Take(host.Person, marked);
            }
            else if (free.TryGetValue(hostTable, out var first) && first.Count > 0)
            {
                Take(host.Person, first.Dequeue());
            }
            else
            {
                unseated.Add(new UnseatedPerson(host.Person, UnseatedReason.NoSeatLeft));
            }

            guests.Remove(host);
            press.Remove(host);
        }

        // Units: a delegation with its members' companions, or someone on their own with theirs.
        var units = new Dictionary<string, List<SeatingAttendee>>();
        var unitOrder = new List<string>();
        foreach (var person in guests)
        {
            var key = UnitOf(person, people);
            if (!units.TryGetValue(key, out var unit))
            {
                units[key] = unit = [];
                unitOrder.Add(key);
            }

            unit.Add(person);
        }

        // The tables units go to, the host's first; each table's room is its free seats.
        var tableOrder = free.Keys.OrderBy(t => t == hostTable ? -1 : 0).ThenBy(t => t).ToList();
        var room = new TableRoom(tableOrder.Select(t => free[t].Count).ToArray());
        var assigned = tableOrder.Select(_ => new List<SeatingAttendee>()).ToArray();
        var hostIndex = tableOrder.IndexOf(hostTable);

        // The principal guest sits at the host's table with as much of their delegation as fits there, the best ranks first;
        // the rest of it goes on as any other unit.
        if (guests.Count > 0 && hostIndex >= 0 && room[hostIndex] > 0)
        {
            var key = UnitOf(guests[0], people);
            var unit = units[key];
            var here = unit.Take(room[hostIndex]).ToList();
            assigned[hostIndex].AddRange(here);
            room.Take(hostIndex, here.Count);
            unit.RemoveRange(0, here.Count);
        }

        foreach (var key in unitOrder)
        {
            var unit = units[key];
            if (unit.Count == 0)
            {
                continue;
            }

            var whole = room.FirstWithRoomFor(unit.Count);
            if (whole >= 0)
            {
                assigned[whole].AddRange(unit);
                room.Take(whole, unit.Count);
                continue;
            }

            // Split over the fewest tables: those with the most room, then the nearer the head; the best-ranked first,
            // back in head-first order, so the better ranks of the unit sit nearer the head.
            var left = new Queue<SeatingAttendee>(unit);
            foreach (var index in room.Fewest(unit.Count).Order())
            {
                var take = Math.Min(room[index], left.Count);
                for (var i = 0; i < take; i++)
                {
                    assigned[index].Add(left.Dequeue());
                }

                room.Take(index, take);
            }

            unseated.AddRange(left.Select(p => new UnseatedPerson(p.Person, UnseatedReason.NoSeatLeft)));
        }

        // At each table, by rank into the free seats in honour order.
        for (var i = 0; i < tableOrder.Count; i++)
        {
            var queue = free[tableOrder[i]];
            foreach (var person in assigned[i].OrderBy(p => p.Rank).ThenBy(p => p.Person.Kind).ThenBy(p => p.Person.Id))
            {
                Take(person.Person, queue.Dequeue());
            }
        }

        // The press in their own seats.
        var pressQueue = new Queue<SeatSpot>(pressSeats);
        foreach (var person in press)
        {
            if (pressQueue.TryDequeue(out var seat))
            {
                Take(person.Person, seat);
            }
            else
            {
                unseated.Add(new UnseatedPerson(person.Person, UnseatedReason.PressSeatsFull));
            }
        }

        SeatInterpreters(request, interpreters, bySeat, byTable, hostTable, taken, Take, unseated);
        return new SeatingPlan(seats, unseated);
    }

    private static void SeatInterpreters(SeatingRequest request, List<SeatingAttendee> interpreters, Dictionary<(int, int), SeatSpot> bySeat,
        SortedDictionary<int, List<SeatSpot>> byTable, int hostTable, Dictionary<PersonKey, PlannedSeat> taken,
        Action<PersonKey, SeatSpot, bool> take, List<UnseatedPerson> unseated)
    {
        var interpreterSeats = Ordered(request.Reserved.Where(r => r.Purpose == SeatPurpose.Interpreter), bySeat);
        if (interpreterSeats.Count > 0)
        {
            var queue = new Queue<SeatSpot>(interpreterSeats);
            foreach (var person in interpreters)
            {
                if (queue.TryDequeue(out var seat))
                {
                    take(person.Person, seat, false);
                }
                else
                {
                    unseated.Add(new UnseatedPerson(person.Person, UnseatedReason.InterpreterSeatsFull));
                }
            }

            return;
        }

        if (!request.Consecutive)
        {
            unseated.AddRange(interpreters.Select(p => new UnseatedPerson(p.Person, UnseatedReason.InterpreterInBooth)));
            return;
        }

        // Behind: a companion interpreter behind their own principal; the others behind the host's table in honour order.
        var behindTaken = new HashSet<(int, int)>();
        var rest = new List<SeatingAttendee>();
        foreach (var person in interpreters)
        {
            if (person.Accompanies is { } principal && taken.TryGetValue(principal, out var seat) && behindTaken.Add((seat.Table, seat.Seat)))
            {
                take(person.Person, bySeat[(seat.Table, seat.Seat)], true);
            }
            else
            {
                rest.Add(person);
            }
        }

        var occupied = taken.Values.Select(t => (t.Table, t.Seat)).ToHashSet();
        var chairs = byTable.TryGetValue(hostTable, out var hostSeats)
            ? new Queue<SeatSpot>(hostSeats.Where(s => occupied.Contains((s.Table, s.Seat)) && !behindTaken.Contains((s.Table, s.Seat))))
            : new Queue<SeatSpot>();
        foreach (var person in rest)
        {
            if (chairs.TryDequeue(out var chair))
            {
                take(person.Person, chair, true);
            }
            else
            {
                unseated.Add(new UnseatedPerson(person.Person, UnseatedReason.NoChairBehind));
            }
        }
    }

    /// <summary>
    /// The free seats of each table (by index, the host's table first), kept in buckets by how many are free, so that the
    /// first table with room for a unit and the tables with the most room are found without looking at every table.
    /// </summary>
    private sealed class TableRoom
    {
        private readonly int[] _room;
        private readonly SortedSet<int>[] _byRoom;

        public TableRoom(int[] room)
        {
            _room = room;
            _byRoom = Enumerable.Range(0, (room.Length == 0 ? 0 : room.Max()) + 1).Select(_ => new SortedSet<int>()).ToArray();
            for (var i = 0; i < room.Length; i++)
            {
                _byRoom[room[i]].Add(i);
            }
        }

        public int this[int index] => _room[index];

        public int FirstWithRoomFor(int size)
        {
            var first = -1;
            for (var r = Math.Max(size, 1); r < _byRoom.Length; r++)
            {
                if (_byRoom[r].Count > 0 && (first < 0 || _byRoom[r].Min < first))
                {
                    first = _byRoom[r].Min;
                }
            }

            return first;
        }

        public void Take(int index, int seats)
        {
            _byRoom[_room[index]].Remove(index);
            _room[index] -= seats;
            _byRoom[_room[index]].Add(index);
        }

        /// <summary>The fewest tables that together seat <paramref name="size"/> (or every table with room, if that is short).</summary>
        public List<int> Fewest(int size)
        {
            var chosen = new List<int>();
            for (var r = _byRoom.Length - 1; r > 0 && size > 0; r--)
            {
                foreach (var index in _byRoom[r])
                {
                    chosen.Add(index);
                    size -= r;
                    if (size <= 0)
                    {
                        break;
                    }
                }
            }

            return chosen;
        }
    }

    private static List<SeatSpot> Ordered(IEnumerable<ReservedSpot> spots, Dictionary<(int, int), SeatSpot> bySeat) =>
        spots.Where(r => bySeat.ContainsKey((r.Table, r.Seat))).Select(r => bySeat[(r.Table, r.Seat)])
            .OrderBy(s => s.Table).ThenBy(s => s.Honour).ThenBy(s => s.Seat).ToList();

    private static string UnitOf(SeatingAttendee person, Dictionary<PersonKey, SeatingAttendee> people)
    {
        // A companion goes with the person they accompany: into that person's delegation, or into their own unit.
        var anchor = person.Accompanies is { } principal && people.TryGetValue(principal, out var p) ? p : person;
        return anchor.DelegationId is { } delegation ? $"d{delegation}" : $"p{anchor.Person}";
    }
}
