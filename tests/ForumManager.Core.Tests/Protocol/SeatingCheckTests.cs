using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;

namespace ForumManager.Core.Tests.Protocol;

public sealed class SeatingCheckTests
{
    private static readonly DateTime Start = new(2010, 6, 23, 11, 0, 0, DateTimeKind.Utc);
    private static readonly SeatMap Map = SeatLayouts.Map(new SeatLayout { NameEn = "L", NameZh = "L", Shape = LayoutShape.RoundTables, Tables = 2, SeatsPerTable = 6 });

    private static PersonKey D(int id) => new(PersonKind.Delegate, id);

    private static SeatingPeople People(PersonKey? host = null, params (int Id, int Rank)[] ranks) =>
        new(ranks.ToDictionary(r => D(r.Id), r => r.Rank), new HashSet<PersonKey>(), new HashSet<PersonKey>(), host);

    private static IReadOnlyList<SeatingConflict> Check(IReadOnlyList<PlannedSeat> seated, SeatingPeople people, IReadOnlyList<ReservedSpot>? reserved = null,
        IReadOnlyList<SeatingElsewhere>? elsewhere = null) =>
        SeatingCheck.Check(Map, reserved ?? [], seated, people, Start, Start.AddHours(2), elsewhere ?? []);

    [Fact]
    public void A_seat_given_twice_is_an_error_naming_both()
    {
        var conflict = Assert.Single(Check([new(D(1), 1, 3), new(D(2), 1, 3)], People()));

        Assert.Equal(SeatingConflictKind.SeatGivenTwice, conflict.Kind);
        Assert.Equal(SeatingSeverity.Error, conflict.Severity);
        Assert.Equal([D(1), D(2)], new[] { conflict.Person, conflict.Other!.Value }.OrderBy(p => p.Id));
    }

    [Fact]
    public void A_reserved_seat_given_to_someone_is_an_error_unless_it_was_held_for_them()
    {
        ReservedSpot[] reserved = [new(1, 1, SeatPurpose.Host), new(1, 4, SeatPurpose.Other), new(2, 1, SeatPurpose.Press)];
        var press = new SeatingPeople(new Dictionary<PersonKey, int>(), new HashSet<PersonKey> { D(3) }, new HashSet<PersonKey>(), D(1));

        var conflicts = Check([new(D(1), 1, 1), new(D(2), 1, 4), new(D(3), 2, 1)], press, reserved);

        Assert.Equal(D(2), Assert.Single(conflicts, c => c.Kind == SeatingConflictKind.ReservedSeatTaken).Person);
    }

    [Fact]
    public void A_seat_the_layout_no_longer_has_is_an_error()
    {
        var conflict = Assert.Single(Check([new(D(1), 2, 1), new(D(2), 1, 7)], People()));

        Assert.Equal(SeatingConflictKind.SeatNotInLayout, conflict.Kind);
    }

    [Fact]
    public void Someone_seated_in_a_session_at_the_same_time_is_an_error_and_one_that_only_touches_is_not()
    {
        SeatingElsewhere[] elsewhere = [new(D(1), 40, Start.AddHours(1), Start.AddHours(3)), new(D(2), 41, Start.AddHours(2), Start.AddHours(3))];

        var conflict = Assert.Single(Check([new(D(1), 1, 1), new(D(2), 1, 2)], People(), elsewhere: elsewhere));

        Assert.Equal((SeatingConflictKind.SeatedInOverlappingSession, D(1), 40), (conflict.Kind, conflict.Person, conflict.OtherSessionId!.Value));
    }

    [Fact]
    public void A_guest_above_someone_of_better_rank_at_the_same_table_is_a_warning_but_the_host_is_not()
    {
        // Seat 2 is the host's right, seat 6 the left, seat 3 the next: honour 1, 2, 3.
        var people = People(D(9), (9, 9000), (1, 1000), (2, 2000), (3, 3000), (4, 500));
        PlannedSeat[] seated = [new(D(9), 1, 1), new(D(1), 1, 2), new(D(3), 1, 6), new(D(2), 1, 3), new(D(4), 2, 1)];

        var conflict = Assert.Single(Check(seated, people));

        Assert.Equal((SeatingConflictKind.SeatedAboveBetterRank, SeatingSeverity.Warning, D(3), D(2)),
            (conflict.Kind, conflict.Severity, conflict.Person, conflict.Other!.Value));
    }
}
