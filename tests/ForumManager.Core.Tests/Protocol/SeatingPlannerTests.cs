using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;

namespace ForumManager.Core.Tests.Protocol;

public sealed class SeatingPlannerTests
{
    private static readonly PersonKey Host = new(PersonKind.Guest, 1);

    private static SeatMap Map(LayoutShape shape, int tables, int seats, int head = 0) =>
        SeatLayouts.Map(new SeatLayout { NameEn = "L", NameZh = "L", Shape = shape, Tables = tables, SeatsPerTable = seats, HeadSeats = head });

    private static PersonKey D(int id) => new(PersonKind.Delegate, id);

    /// <summary>
    /// 219 delegates in 19 units (delegations, one mayor travelling alone, companions with their principals) and the host:
    /// sizes chosen so the units, placed head first by rank, fill 22 tables of 10 exactly.
    /// </summary>
    private static (List<SeatingAttendee> People, Dictionary<PersonKey, int> Unit) Banquet()
    {
        int[] sizes = [6, 10, 7, 10, 8, 10, 9, 5, 3, 3, 2, 1, 5, 4, 6, 2, 2, 6, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10];
        var people = new List<SeatingAttendee> { new(Host, 500) };
        var unitOf = new Dictionary<PersonKey, int> { [Host] = -1 };
        var id = 100;
        for (var unit = 0; unit < sizes.Length; unit++)
        {
            var head = D(id);
            for (var member = 0; member < sizes[unit]; member++, id++)
            {
                var person = D(id);
                unitOf[person] = unit;
                var alone = sizes[unit] == 1;

                // The last member of every fourth delegation is a companion: no delegation of their own, with their head.
                var companion = member == sizes[unit] - 1 && member > 0 && unit % 4 == 1;
                people.Add(new SeatingAttendee(person, member == 0 ? 1000 + unit : 4000 + unit * 20 + member,
                    alone || companion ? null : 50 + unit, Accompanies: companion ? head : null));
            }
        }

        Assert.Equal(220, people.Count);
        return (people, unitOf);
    }

    [Fact]
    public void Two_hundred_twenty_guests_at_twenty_two_round_tables_sit_by_precedence_with_their_delegations()
    {
        var (people, unitOf) = Banquet();
        var map = Map(LayoutShape.RoundTables, 22, 10);

        var plan = SeatingPlanner.Plan(new SeatingRequest(map, [], Host, Consecutive: false, people));

        Assert.Empty(plan.Unseated);
        Assert.Equal(220, plan.Seats.Count);
        Assert.Equal(220, plan.Seats.Select(s => s.Person).Distinct().Count());
        Assert.Equal(220, plan.Seats.Select(s => (s.Table, s.Seat)).Distinct().Count());
        Assert.All(plan.Seats, s => Assert.True(map.Contains(s.Table, s.Seat)));

        Assert.Equal((1, 1), plan.Seats.Where(s => s.Person == Host).Select(s => (s.Table, s.Seat)).Single());
        var principal = D(100);
        Assert.Equal((1, 2), plan.Seats.Where(s => s.Person == principal).Select(s => (s.Table, s.Seat)).Single());

        // Every delegation (companions included) at one table.
        foreach (var unit in plan.Seats.Where(s => s.Person != Host).GroupBy(s => unitOf[s.Person]))
        {
            Assert.Single(unit.Select(s => s.Table).Distinct());
        }

        // At table 1, the better the rank, the more honourable the seat.
        var ranks = people.ToDictionary(p => p.Person, p => p.Rank);
        var honours = map.Seats.ToDictionary(s => (s.Table, s.Seat), s => s.Honour);
        var tableOne = plan.Seats.Where(s => s.Table == 1).OrderBy(s => honours[(s.Table, s.Seat)]).Select(s => ranks[s.Person]).ToList();
        Assert.Equal(tableOne.Order(), tableOne);
        Assert.Equal(10, tableOne.Count);

        // Better delegations nearer the head: the second-ranked delegation at table 2.
        Assert.Equal(2, plan.Seats.Single(s => s.Person == D(106)).Table);

        Assert.Empty(SeatingCheck.Check(map, [], plan.Seats, new SeatingPeople(ranks, new HashSet<PersonKey>(), new HashSet<PersonKey>(), Host),
            default, default, []));
    }

    [Fact]
    public void Without_a_host_the_principal_guest_takes_the_first_seat_and_the_next_rank_sits_at_the_right()
    {
        var people = new[] { new SeatingAttendee(D(2), 2000), new SeatingAttendee(D(1), 1000), new SeatingAttendee(D(3), 3000) };

        var plan = SeatingPlanner.Plan(new SeatingRequest(Map(LayoutShape.RoundTables, 2, 8), [], null, false, people));

        Assert.Equal([(1, 1), (1, 2), (1, 8)], people.OrderBy(p => p.Rank).Select(p => plan.Seats.Single(s => s.Person == p.Person)).Select(s => (s.Table, s.Seat)));
    }

    [Fact]
    public void A_host_who_does_not_attend_is_not_seated_and_nobody_is_seated_twice()
    {
        var people = new[] { new SeatingAttendee(D(1), 1000), new SeatingAttendee(D(1), 1200), new SeatingAttendee(D(2), 2000) };

        var plan = SeatingPlanner.Plan(new SeatingRequest(Map(LayoutShape.RoundTables, 1, 8), [], Host, false, people));

        Assert.Equal([D(1), D(2)], plan.Seats.Select(s => s.Person).OrderBy(p => p.Id));
        Assert.Equal(1, plan.Seats.Single(s => s.Person == D(1)).Seat);
    }

    [Fact]
    public void At_a_head_table_the_host_takes_the_centre_and_the_principal_guest_the_seat_at_the_host_s_right()
    {
        var people = new[] { new SeatingAttendee(Host, 500), new SeatingAttendee(D(1), 1000), new SeatingAttendee(D(2), 1100) };

        var plan = SeatingPlanner.Plan(new SeatingRequest(Map(LayoutShape.HeadTableAndRows, 3, 10, head: 7), [], Host, false, people));

        Assert.Equal((0, 4), plan.Seats.Where(s => s.Person == Host).Select(s => (s.Table, s.Seat)).Single());
        Assert.Equal((0, 3), plan.Seats.Where(s => s.Person == D(1)).Select(s => (s.Table, s.Seat)).Single());
        Assert.Equal((0, 5), plan.Seats.Where(s => s.Person == D(2)).Select(s => (s.Table, s.Seat)).Single());
    }

    [Fact]
    public void The_host_takes_the_seat_marked_for_the_host_and_other_reserved_seats_stay_empty()
    {
        var people = Enumerable.Range(1, 9).Select(i => new SeatingAttendee(D(i), 1000 + i)).Append(new SeatingAttendee(Host, 1)).ToList();
        ReservedSpot[] reserved = [new(2, 5, SeatPurpose.Host), new(1, 2, SeatPurpose.Other), new(1, 3, SeatPurpose.Interpreter)];

        var plan = SeatingPlanner.Plan(new SeatingRequest(Map(LayoutShape.RoundTables, 2, 6), reserved, Host, false, people));

        Assert.Equal((2, 5), plan.Seats.Where(s => s.Person == Host).Select(s => (s.Table, s.Seat)).Single());
        Assert.DoesNotContain(plan.Seats, s => (s.Table, s.Seat) is (1, 2) or (1, 3));
        Assert.Equal(2, plan.Seats.Single(s => s.Person == D(1)).Table);
        Assert.Empty(plan.Unseated);
    }

    [Fact]
    public void Press_sit_in_the_press_seats_and_wait_when_those_are_full()
    {
        var people = new[]
        {
            new SeatingAttendee(D(1), 1000), new SeatingAttendee(D(2), 5000, Press: true), new SeatingAttendee(D(3), 5001, Press: true),
            new SeatingAttendee(D(4), 5002, Press: true),
        };
        ReservedSpot[] reserved = [new(2, 1, SeatPurpose.Press), new(2, 2, SeatPurpose.Press)];

        var plan = SeatingPlanner.Plan(new SeatingRequest(Map(LayoutShape.RoundTables, 2, 4), reserved, null, false, people));

        Assert.Equal([(2, 1), (2, 2)], plan.Seats.Where(s => s.Person != D(1)).Select(s => (s.Table, s.Seat)).Order());
        Assert.Equal(new UnseatedPerson(D(4), UnseatedReason.PressSeatsFull), Assert.Single(plan.Unseated));
    }

    [Fact]
    public void Without_press_seats_the_press_sit_with_everyone_else()
    {
        var people = new[] { new SeatingAttendee(D(1), 1000), new SeatingAttendee(D(2), 5000, Press: true) };

        var plan = SeatingPlanner.Plan(new SeatingRequest(Map(LayoutShape.RoundTables, 1, 4), [], null, false, people));

        Assert.Equal(2, plan.Seats.Count);
    }

    [Fact]
    public void Consecutive_interpreters_sit_behind_the_host_then_the_principal_guest_and_a_personal_interpreter_behind_their_principal()
    {
        var i1 = new PersonKey(PersonKind.Interpreter, 7);
        var i2 = new PersonKey(PersonKind.Interpreter, 8);
        var own = D(9);
        var people = new[]
        {
            new SeatingAttendee(Host, 1), new SeatingAttendee(D(1), 1000), new SeatingAttendee(D(2), 1100, DelegationId: 5),
            new SeatingAttendee(i1, 9000, Interpreter: true), new SeatingAttendee(i2, 9001, Interpreter: true),
            new SeatingAttendee(own, 8000, DelegationId: 5, Interpreter: true, Accompanies: D(2)),
        };
        var map = Map(LayoutShape.RoundTables, 3, 8);

        var plan = SeatingPlanner.Plan(new SeatingRequest(map, [], Host, Consecutive: true, people));

        PlannedSeat At(PersonKey p) => plan.Seats.Single(s => s.Person == p);
        Assert.Equal(new PlannedSeat(i1, 1, 1, Behind: true), At(i1));
        Assert.Equal(new PlannedSeat(i2, 1, 2, Behind: true), At(i2));
        var principal = At(D(2));
        Assert.Equal(new PlannedSeat(own, principal.Table, principal.Seat, Behind: true), At(own));
        Assert.Empty(plan.Unseated);

        var booth = SeatingPlanner.Plan(new SeatingRequest(map, [], Host, Consecutive: false, people));
        Assert.Equal([i1, i2, own], booth.Unseated.Where(u => u.Reason == UnseatedReason.InterpreterInBooth).Select(u => u.Person).OrderBy(p => p.Id));
        Assert.DoesNotContain(booth.Seats, s => s.Behind);
    }

    [Fact]
    public void Interpreters_take_the_interpreters_seats_when_some_are_reserved()
    {
        var i1 = new PersonKey(PersonKind.Interpreter, 7);
        var i2 = new PersonKey(PersonKind.Interpreter, 8);
        var people = new[] { new SeatingAttendee(D(1), 1000), new SeatingAttendee(i1, 9000, Interpreter: true), new SeatingAttendee(i2, 9001, Interpreter: true) };

        var plan = SeatingPlanner.Plan(new SeatingRequest(Map(LayoutShape.RoundTables, 2, 4), [new(2, 3, SeatPurpose.Interpreter)], null, true, people));

        Assert.Equal(new PlannedSeat(i1, 2, 3), plan.Seats.Single(s => s.Person == i1));
        Assert.Equal(new UnseatedPerson(i2, UnseatedReason.InterpreterSeatsFull), Assert.Single(plan.Unseated));
    }

    [Fact]
    public void A_delegation_too_big_for_any_table_is_split_over_the_fewest_tables_and_the_rest_wait()
    {
        var people = Enumerable.Range(1, 14).Select(i => new SeatingAttendee(D(i), 1000 + i, DelegationId: 3)).ToList();

        var plan = SeatingPlanner.Plan(new SeatingRequest(Map(LayoutShape.RoundTables, 3, 6), [], null, false, people));

        Assert.Equal([1, 2, 3], plan.Seats.Select(s => s.Table).Distinct().Order());
        var twelve = SeatingPlanner.Plan(new SeatingRequest(Map(LayoutShape.RoundTables, 3, 6), [], null, false, people.Take(12).ToList()));
        Assert.Equal([1, 2], twelve.Seats.Select(s => s.Table).Distinct().Order());
        var twenty = SeatingPlanner.Plan(new SeatingRequest(Map(LayoutShape.RoundTables, 3, 6), [], null, false,
            Enumerable.Range(1, 20).Select(i => new SeatingAttendee(D(i), 1000 + i, DelegationId: 3)).ToList()));
        Assert.Equal(18, twenty.Seats.Count);
        Assert.Equal([D(19), D(20)], twenty.Unseated.Where(u => u.Reason == UnseatedReason.NoSeatLeft).Select(u => u.Person));
    }

    [Fact]
    public void Two_thousand_people_at_two_hundred_tables_are_seated_once_each_but_the_held_seat()
    {
        // How long it takes is measured by bench/seating.sh, not here.
        var map = Map(LayoutShape.RoundTables, 200, 10);
        var people = Enumerable.Range(1, 2000).Select(i => new SeatingAttendee(D(i), 1000 + i * 7 % 2003, DelegationId: i % 7 == 0 ? null : i / 7)).ToList();
        var request = new SeatingRequest(map, [new(3, 4, SeatPurpose.Other)], D(1), false, people);
        var plan = SeatingPlanner.Plan(request);

        Assert.Equal(1999, plan.Seats.Count);
        Assert.Equal(1999, plan.Seats.Select(s => s.Person).Distinct().Count());
        Assert.Equal(1999, plan.Seats.Select(s => (s.Table, s.Seat)).Distinct().Count());
        Assert.DoesNotContain(plan.Seats, s => s.Table == 3 && s.Seat == 4);
        Assert.Equal(UnseatedReason.NoSeatLeft, Assert.Single(plan.Unseated).Reason);
    }
}
