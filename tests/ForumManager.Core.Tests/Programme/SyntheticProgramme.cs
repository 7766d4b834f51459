using ForumManager.Core.Programme;

namespace ForumManager.Core.Tests.Programme;

/// <summary>
/// A large programme without a clash, for tests and the benchmark: rooms run sessions back to back, and each person
/// appears at most once per time slot.
/// </summary>
public static class SyntheticProgramme
{
    public static (List<PlannedSession> Sessions, Dictionary<int, RoomFacts> Rooms) Build(int sessionCount, int peopleCount, int roomCount, int seed)
    {
        var random = new Random(seed);
        var rooms = Enumerable.Range(1, roomCount).ToDictionary(r => r, r => new RoomFacts(r, 1 + r % 6, 200, null, null));
        var start = new DateTime(2010, 6, 22, 0, 0, 0, DateTimeKind.Utc);
        const int perSession = 20;
        var sessions = new List<PlannedSession>(sessionCount);
        for (var i = 0; i < sessionCount; i++)
        {
            var room = i % roomCount;
            var slot = i / roomCount;
            var people = Enumerable.Range(0, perSession)
                .Select(j => new PersonKey((PersonKind)(j % 3), (room * perSession + j + slot * roomCount * perSession) % peopleCount))
                .ToList();
            var from = start.AddHours(slot);
            sessions.Add(new PlannedSession(i + 1, room + 1, from, from.AddMinutes(50 + random.Next(0, 11)), random.Next(0, 200), people));
        }

        return (sessions, rooms);
    }
}
