using ForumManager.Core.Programme;

namespace ForumManager.Core.Tests.Programme;

public sealed class ConflictDetectorTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private const int Ballroom = 1;
    private const int HallA = 2;
    private const int Garden = 3;
    private const int Hotel = 10;
    private const int Park = 20;

    private static readonly Dictionary<int, RoomFacts> Rooms = new()
    {
        [Ballroom] = new RoomFacts(Ballroom, Hotel, 600, null, null, Booths: 2),
        [HallA] = new RoomFacts(HallA, Hotel, 120, new TimeOnly(8, 0), new TimeOnly(22, 0)),
        [Garden] = new RoomFacts(Garden, Park, 300, new TimeOnly(6, 0), new TimeOnly(20, 0)),
    };

    private static readonly TravelTimes Travel = new TravelTimes().Set(Hotel, Park, TimeSpan.FromMinutes(40));

    private static readonly PersonKey Mayor = new(PersonKind.Delegate, 7);
    private static readonly PersonKey Interpreter = new(PersonKind.Interpreter, 3);

    /// <summary>A session on 23 June 2010 in Changsha, times in local (UTC+8) hours.</summary>
    private static PlannedSession At(int id, int? room, double fromHour, double toHour, int expected = 0, params PersonKey[] people) =>
        new(id, room, Local(fromHour), Local(toHour), expected, people);

    private static DateTime Local(double hour) => new DateTime(2010, 6, 22, 16, 0, 0, DateTimeKind.Utc).AddMinutes(Math.Round(hour * 60));

    private static IReadOnlyList<Conflict> Find(params PlannedSession[] sessions) => ConflictDetector.Find(sessions, Rooms, Travel, Shanghai);

    [Fact]
    public void Should_find_a_room_booked_twice_as_an_error()
    {
        var conflicts = Find(At(1, HallA, 9, 11), At(2, HallA, 10.5, 12));

        var conflict = Assert.Single(conflicts);
        Assert.Equal((ConflictKind.RoomDoubleBooked, ConflictSeverity.Error, 2, (int?)1, (int?)HallA),
            (conflict.Kind, conflict.Severity, conflict.SessionId, conflict.Other, conflict.RoomId));
    }

    [Fact]
    public void Should_let_sessions_that_touch_share_a_room_and_a_person()
    {
        Assert.Empty(Find(At(1, HallA, 9, 10.5, 0, Mayor), At(2, HallA, 10.5, 12, 0, Mayor)));
    }

    [Fact]
    public void Should_find_a_session_inside_another_and_every_pair_of_three_overlapping()
    {
        var conflicts = Find(At(1, Ballroom, 9, 17), At(2, Ballroom, 10, 11), At(3, Ballroom, 10.5, 12));

        Assert.Equal([(2, 1), (3, 1), (3, 2)], conflicts.Select(c => (c.SessionId, c.Other!.Value)).Order());
    }

    [Theory]
    [InlineData(PersonKind.Delegate)]
    [InlineData(PersonKind.Guest)]
    [InlineData(PersonKind.Interpreter)]
    public void Should_find_a_person_in_two_places_at_once(PersonKind kind)
    {
        var person = new PersonKey(kind, 42);

        var conflict = Assert.Single(Find(At(1, Ballroom, 9, 11, 0, person), At(2, HallA, 10, 12, 0, person)));

        Assert.Equal((ConflictKind.PersonDoubleBooked, ConflictSeverity.Error, person), (conflict.Kind, conflict.Severity, conflict.Person));
    }

    [Fact]
    public void Should_find_a_person_twice_in_a_session_without_a_room()
    {
        var conflict = Assert.Single(Find(At(1, null, 14, 15, 0, Mayor), At(2, null, 14.5, 16, 0, Mayor)));

        Assert.Equal(ConflictKind.PersonDoubleBooked, conflict.Kind);
    }

    [Fact]
    public void Should_not_count_one_person_named_twice_in_one_session()
    {
        Assert.Empty(Find(At(1, HallA, 9, 11, 0, Mayor, Mayor, Interpreter)));
    }

    [Fact]
    public void Should_warn_when_the_room_is_smaller_than_the_audience()
    {
        var conflict = Assert.Single(Find(At(1, HallA, 9, 11, expected: 121)));

        Assert.Equal((ConflictKind.RoomTooSmall, ConflictSeverity.Warning), (conflict.Kind, conflict.Severity));
        Assert.Empty(Find(At(1, HallA, 9, 11, expected: 120)));
    }

    [Fact]
    public void Should_warn_about_a_session_outside_the_rooms_opening_hours()
    {
        Assert.Equal(ConflictKind.OutsideOpeningHours, Assert.Single(Find(At(1, Garden, 19, 21))).Kind);
        Assert.Equal(ConflictKind.OutsideOpeningHours, Assert.Single(Find(At(1, Garden, 5.5, 7))).Kind);
        Assert.Empty(Find(At(1, Garden, 6, 20)));
    }

    [Fact]
    public void Should_warn_about_a_session_that_runs_past_midnight_in_a_room_that_closes()
    {
        var conflict = Assert.Single(Find(At(1, HallA, 21, 25)));

        Assert.Equal(ConflictKind.OutsideOpeningHours, conflict.Kind);
        Assert.Empty(Find(At(1, Ballroom, 21, 25)));
    }

    [Fact]
    public void Should_accept_a_night_session_in_hours_that_run_past_midnight()
    {
        var rooms = new Dictionary<int, RoomFacts> { [9] = new RoomFacts(9, Hotel, 100, new TimeOnly(18, 0), new TimeOnly(2, 0)) };

        Assert.Empty(ConflictDetector.Find([At(1, 9, 22, 25.5)], rooms, Travel, Shanghai));
        Assert.Empty(ConflictDetector.Find([At(1, 9, 24.5, 25.5)], rooms, Travel, Shanghai));
        Assert.Single(ConflictDetector.Find([At(1, 9, 25, 27)], rooms, Travel, Shanghai));
    }

    [Fact]
    public void Should_judge_opening_hours_by_the_wall_clock_across_a_daylight_saving_change()
    {
        // Berlin moved its clocks from 02:00 to 03:00 on 28 March 2010; the morning session at 08:00 local is 06:00 UTC.
        var rooms = new Dictionary<int, RoomFacts> { [5] = new RoomFacts(5, Hotel, 100, new TimeOnly(8, 0), new TimeOnly(18, 0)) };
        var before = new PlannedSession(1, 5, new DateTime(2010, 3, 27, 7, 0, 0, DateTimeKind.Utc), new DateTime(2010, 3, 27, 9, 0, 0, DateTimeKind.Utc), 0, []);
        var after = new PlannedSession(2, 5, new DateTime(2010, 3, 28, 6, 0, 0, DateTimeKind.Utc), new DateTime(2010, 3, 28, 8, 0, 0, DateTimeKind.Utc), 0, []);
        var tooEarly = new PlannedSession(3, 5, new DateTime(2010, 3, 29, 5, 30, 0, DateTimeKind.Utc), new DateTime(2010, 3, 29, 7, 0, 0, DateTimeKind.Utc), 0, []);

        Assert.Empty(ConflictDetector.Find([before], rooms, Travel, Berlin));
        Assert.Empty(ConflictDetector.Find([after], rooms, Travel, Berlin));
        Assert.Equal(ConflictKind.OutsideOpeningHours, Assert.Single(ConflictDetector.Find([tooEarly], rooms, Travel, Berlin)).Kind);
    }

    [Fact]
    public void Should_warn_when_back_to_back_sessions_leave_too_little_time_to_travel_between_venues()
    {
        var conflict = Assert.Single(Find(At(1, HallA, 9, 11, 0, Mayor), At(2, Garden, 11.5, 12.5, 0, Mayor)));

        Assert.Equal((ConflictKind.TooLittleTravelTime, ConflictSeverity.Warning, 2, (int?)1, (PersonKey?)Mayor),
            (conflict.Kind, conflict.Severity, conflict.SessionId, conflict.Other, conflict.Person));
        Assert.Empty(Find(At(1, HallA, 9, 11, 0, Mayor), At(2, Garden, 11 + 40.0 / 60, 12.5, 0, Mayor)));
        Assert.Empty(Find(At(1, HallA, 9, 11, 0, Mayor), At(2, Ballroom, 11, 12.5, 0, Mayor)));
    }

    [Fact]
    public void Should_measure_the_journey_from_the_session_that_ends_last()
    {
        // A long session in the park covers a short one in the hotel; the transfer to the next counts from the park.
        var conflicts = Find(At(1, Garden, 9, 12, 0, Mayor), At(2, null, 9.5, 10, 0, Interpreter), At(3, HallA, 12.25, 13, 0, Mayor));

        Assert.Equal((ConflictKind.TooLittleTravelTime, 3, (int?)1), (Assert.Single(conflicts).Kind, conflicts[0].SessionId, conflicts[0].Other));
    }

    [Fact]
    public void Should_find_nothing_in_sound_parallel_forums()
    {
        var guests = Enumerable.Range(1, 3).Select(i => new PersonKey(PersonKind.Guest, i)).ToArray();

        Assert.Empty(Find(At(1, Ballroom, 14, 17.5, 500, guests[0], Mayor), At(2, HallA, 14, 17.5, 100, guests[1]), At(3, Garden, 14, 17.5, 250, guests[2])));
    }

    [Fact]
    public void Should_check_a_thousand_sessions_and_five_thousand_people_in_one_pass()
    {
        var (sessions, rooms) = SyntheticProgramme.Build(1000, 5000, 60, seed: 7);

        var conflicts = ConflictDetector.Find(sessions, rooms, new TravelTimes(), Shanghai);

        // The synthetic programme never double-books a room or a person, so any conflict here is a false alarm.
        Assert.DoesNotContain(conflicts, c => c.Severity == ConflictSeverity.Error);
    }

    [Fact]
    public void Should_warn_when_simultaneous_interpretation_is_planned_in_a_room_without_a_booth()
    {
        var conflicts = Find(At(1, HallA, 9, 10) with { NeedsBooth = true }, At(2, Ballroom, 9, 10) with { NeedsBooth = true }, At(3, Garden, 9, 10));

        var conflict = Assert.Single(conflicts);
        Assert.Equal((ConflictKind.NoInterpretationBooth, 1, HallA, ConflictSeverity.Warning), (conflict.Kind, conflict.SessionId, conflict.RoomId!.Value, conflict.Severity));
    }
}
