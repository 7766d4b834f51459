using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;

namespace ForumManager.Core.Tests.Protocol;

/// <summary>Many meeting requests over a busy two-day forum, for the planner's tests and its benchmark.</summary>
public static class SyntheticMeetings
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>23 June 2010 in Changsha, local (UTC+8) hours.</summary>
    private static DateTime Local(double hour, int day = 0) => new DateTime(2010, 6, 22, 16, 0, 0, DateTimeKind.Utc).AddDays(day).AddMinutes(Math.Round(hour * 60));

    /// <summary>
    /// Two forum days with a morning and an afternoon session for everyone; for 300 requests, 60 delegations of 5, 24 host
    /// officials, 3 interpreter pairs with 5 interpreters each, 16 meeting rooms at 3 venues, all growing with the count.
    /// </summary>
    public static (MeetingPlanInput Input, List<PlannedSession> Sessions, Dictionary<int, RoomFacts> Rooms) Build(int count, int seed)
    {
        var random = new Random(seed);
        var travel = new TravelTimes().Set(1, 2, TimeSpan.FromMinutes(30)).Set(1, 3, TimeSpan.FromMinutes(45)).Set(2, 3, TimeSpan.FromMinutes(20));
        var rooms = Enumerable.Range(1, 16 * Math.Max(1, count / 300)).ToDictionary(r => r, r => new RoomFacts(r, 1 + r % 3, 8 + r, new TimeOnly(8, 0), new TimeOnly(20, 0)));
        var sessionRooms = new Dictionary<int, RoomFacts> { [100] = new RoomFacts(100, 1, 1000, null, null), [101] = new RoomFacts(101, 3, 1000, null, null) };
        var sessions = new List<PlannedSession>();
        var people = new Dictionary<PersonKey, List<BusyTime>>();
        var delegates = Enumerable.Range(1, Math.Max(300, count)).Select(i => new PersonKey(PersonKind.Delegate, i)).ToList();
        for (var day = 0; day < 2; day++)
        {
            // Half the delegates at the theme forum at venue 1 in the morning, the other half at venue 3 after lunch.
            var morning = new PlannedSession(1000 + day * 2, 100, Local(9, day), Local(10.5, day), 150, delegates.Take(delegates.Count / 2).ToList());
            var afternoon = new PlannedSession(1001 + day * 2, 101, Local(14, day), Local(15.5, day), 150, delegates.Skip(delegates.Count / 2).ToList());
            foreach (var session in new[] { morning, afternoon })
            {
                sessions.Add(session);
                foreach (var person in session.People)
                {
                    (people.TryGetValue(person, out var list) ? list : people[person] = []).Add(new BusyTime(session.StartUtc, session.EndUtc, sessionRooms[session.RoomId!.Value].VenueId));
                }
            }
        }

        string[] pairs = ["zh-en", "zh-fr", "zh-de"];
        var interpreters = Enumerable.Range(0, 15 * Math.Max(1, count / 300)).Select(i => new InterpreterFacts(500 + i, [pairs[i % 3]])).ToList();
        var requests = new List<MeetingRequestFacts>();
        for (var i = 0; i < count; i++)
        {
            var delegation = random.Next(delegates.Count / 5);
            var participants = delegates.Skip(delegation * 5).Take(1 + random.Next(4)).ToList();
            participants.Add(new PersonKey(PersonKind.Guest, 700 + random.Next(24 * Math.Max(1, count / 300))));
            var day = random.Next(2);
            var windows = new List<TimeWindow> { new(Local(8, day), Local(19, day)) };
            requests.Add(new MeetingRequestFacts(i + 1, delegation, participants, 30 + 15 * random.Next(3), windows, pairs[random.Next(3)]));
        }

        var all = new Dictionary<int, RoomFacts>(rooms);
        foreach (var (id, room) in sessionRooms)
        {
            all[id] = room;
        }

        return (new MeetingPlanInput
        {
            Requests = requests,
            PeopleBusy = people,
            Rooms = rooms.Values.ToList(),
            RoomsBusy = new Dictionary<int, List<BusyTime>>(),
            Interpreters = interpreters,
            Travel = travel,
            Zone = Shanghai,
        }, sessions, all);
    }
}
