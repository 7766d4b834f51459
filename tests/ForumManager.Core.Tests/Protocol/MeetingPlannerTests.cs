using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;

namespace ForumManager.Core.Tests.Protocol;

public sealed class MeetingPlannerTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private const int Hotel = 10;
    private const int Park = 20;

    private static readonly PersonKey Mayor = new(PersonKind.Delegate, 1);
    private static readonly PersonKey Deputy = new(PersonKind.Delegate, 2);
    private static readonly PersonKey Director = new(PersonKind.Guest, 50);

    /// <summary>23 June 2010 in Changsha, local (UTC+8) hours.</summary>
    private static DateTime Local(double hour, int day = 0) => new DateTime(2010, 6, 22, 16, 0, 0, DateTimeKind.Utc).AddDays(day).AddMinutes(Math.Round(hour * 60));

    private static MeetingPlanInput Input(IReadOnlyList<MeetingRequestFacts> requests, Dictionary<PersonKey, List<BusyTime>>? people = null,
        IReadOnlyList<RoomFacts>? rooms = null, IReadOnlyList<InterpreterFacts>? interpreters = null, TravelTimes? travel = null) => new()
    {
        Requests = requests,
        PeopleBusy = people ?? [],
        Rooms = rooms ?? [new RoomFacts(1, Hotel, 10, null, null), new RoomFacts(2, Park, 10, null, null)],
        RoomsBusy = new Dictionary<int, List<BusyTime>>(),
        Interpreters = interpreters ?? [new InterpreterFacts(900, ["zh-en"])],
        Travel = travel ?? new TravelTimes().Set(Hotel, Park, TimeSpan.FromMinutes(40)),
        Zone = Shanghai,
    };

    private static MeetingRequestFacts Request(int id, double from, double to, string? pair = "en-zh", int minutes = 45, params PersonKey[] people) =>
        new(id, 1, people.Length == 0 ? [Mayor, Director] : people, minutes, [new TimeWindow(Local(from), Local(to))], pair);

    [Fact]
    public void Should_place_a_meeting_after_the_journey_from_a_session_at_another_venue()
    {
        // The mayor speaks at the park until 10:00; the only meeting room is at the hotel, 40 minutes away.
        var people = new Dictionary<PersonKey, List<BusyTime>> { [Mayor] = [new BusyTime(Local(9), Local(10), Park)] };
        var plan = MeetingPlanner.Plan(Input([Request(1, 9, 12)], people, rooms: [new RoomFacts(1, Hotel, 10, null, null)]));

        var slot = Assert.Single(plan.Slots);
        Assert.Equal(Local(10.75), slot.StartUtc);
        Assert.Equal(Local(11.5), slot.EndUtc);
        Assert.Equal(900, slot.InterpreterGuestId);
        Assert.Empty(plan.Problems);
    }

    [Fact]
    public void Should_name_the_participant_who_is_busy_at_every_preferred_time()
    {
        var people = new Dictionary<PersonKey, List<BusyTime>> { [Director] = [new BusyTime(Local(8), Local(13), Hotel)] };
        var plan = MeetingPlanner.Plan(Input([Request(1, 9, 12)], people));

        Assert.Empty(plan.Slots);
        var problem = Assert.Single(plan.Problems);
        Assert.Equal(MeetingPlanReason.PersonBusy, problem.Reason);
        Assert.Equal([Director], problem.People);
    }

    [Fact]
    public void Should_say_the_interpreters_for_the_pair_are_busy_or_missing()
    {
        var people = new Dictionary<PersonKey, List<BusyTime>> { [new PersonKey(PersonKind.Interpreter, 900)] = [new BusyTime(Local(8), Local(13), Hotel)] };
        var busy = MeetingPlanner.Plan(Input([Request(1, 9, 12)], people)).Problems.Single();
        Assert.Equal(MeetingPlanReason.InterpreterBusy, busy.Reason);
        Assert.Equal([new PersonKey(PersonKind.Interpreter, 900)], busy.People);

        var none = MeetingPlanner.Plan(Input([Request(1, 9, 12, pair: "zh-fr")])).Problems.Single();
        Assert.Equal(MeetingPlanReason.NoInterpreter, none.Reason);
        Assert.Equal("zh-fr", none.LanguagePair);
    }

    [Fact]
    public void Should_not_book_the_one_interpreter_twice_and_say_so_for_the_third_meeting()
    {
        // Two hours of window, one interpreter, three 60-minute meetings between different people.
        var requests = Enumerable.Range(1, 3)
            .Select(i => Request(i, 9, 11, minutes: 60, people: [new PersonKey(PersonKind.Delegate, i * 10), new PersonKey(PersonKind.Guest, i * 10)]))
            .ToList();
        var plan = MeetingPlanner.Plan(Input(requests));

        Assert.Equal(2, plan.Slots.Count);
        Assert.Equal(MeetingPlanReason.InterpreterBusy, Assert.Single(plan.Problems).Reason);
        Assert.Equal(plan.Slots[0].EndUtc, plan.Slots[1].StartUtc);
    }

    [Fact]
    public void Should_say_no_room_when_none_holds_the_party()
    {
        var many = Enumerable.Range(1, 12).Select(i => new PersonKey(PersonKind.Delegate, i)).ToArray();
        var problem = MeetingPlanner.Plan(Input([Request(1, 9, 12, people: many)])).Problems.Single();
        Assert.Equal(MeetingPlanReason.NoRoom, problem.Reason);
    }

    [Fact]
    public void Should_say_no_time_when_the_windows_are_shorter_than_the_meeting()
    {
        var problem = MeetingPlanner.Plan(Input([Request(1, 9, 9.5, minutes: 45)])).Problems.Single();
        Assert.Equal(MeetingPlanReason.NoTime, problem.Reason);
    }

    [Fact]
    public void Should_offer_several_starts_for_one_request()
    {
        var options = MeetingPlanner.Options(Input([]), Request(1, 9, 11), 4);
        Assert.Equal([Local(9), Local(9.25), Local(9.5), Local(9.75)], options.Select(o => o.StartUtc));
    }

    [Fact]
    public void Should_schedule_300_requests_without_a_conflict()
    {
        // How long it takes is measured by bench/meetings.sh, not here.
        var (input, sessions, rooms) = SyntheticMeetings.Build(300, seed: 17);
        var plan = MeetingPlanner.Plan(input);

        Assert.True(plan.Slots.Count >= 250, $"only {plan.Slots.Count} of 300 placed: {string.Join(", ", plan.Problems.Select(p => p.Reason))}");
        var all = sessions.Concat(plan.Slots.Select(s => new PlannedSession(100_000 + s.RequestId, s.RoomId, s.StartUtc, s.EndUtc,
            Seats(input, s.RequestId), People(input, s)))).ToList();
        var travel = input.Travel;
        var conflicts = ConflictDetector.Find(all, rooms, travel, Shanghai);
        Assert.Empty(conflicts);
    }

    private static int Seats(MeetingPlanInput input, int requestId)
    {
        var request = input.Requests.Single(r => r.Id == requestId);
        return request.Participants.Count + (request.LanguagePair is null ? 0 : 1);
    }

    private static List<PersonKey> People(MeetingPlanInput input, MeetingSlot slot)
    {
        var people = input.Requests.Single(r => r.Id == slot.RequestId).Participants.ToList();
        if (slot.InterpreterGuestId is { } i)
        {
            people.Add(new PersonKey(PersonKind.Interpreter, i));
        }

        return people;
    }
}
