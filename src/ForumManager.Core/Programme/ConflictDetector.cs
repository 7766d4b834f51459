namespace ForumManager.Core.Programme;

/// <summary>Someone who can be in only one place at a time: a delegate, a guest speaker, an official or an interpreter.</summary>
public readonly record struct PersonKey(PersonKind Kind, int Id)
{
    public override string ToString() => $"{Kind}:{Id}";
}

public enum PersonKind
{
    Delegate = 0,
    Guest = 1,
    Interpreter = 2,
}

/// <summary>A session as conflict detection sees it: when, where, how many are expected, and who must be there.</summary>
/// <param name="NeedsBooth">Simultaneous interpretation, which needs an interpreters' booth in the room.</param>
public sealed record PlannedSession(int Id, int? RoomId, DateTime StartUtc, DateTime EndUtc, int ExpectedAttendance, IReadOnlyList<PersonKey> People, bool NeedsBooth = false);

/// <summary>A room with its venue, seats and opening hours (local time of the forum; null means no limit).</summary>
public sealed record RoomFacts(int Id, int VenueId, int Capacity, TimeOnly? OpensAt, TimeOnly? ClosesAt, int Booths = 0);

public enum ConflictKind
{
    RoomDoubleBooked = 0,
    PersonDoubleBooked = 1,
    RoomTooSmall = 2,
    OutsideOpeningHours = 3,
    TooLittleTravelTime = 4,
    NoInterpretationBooth = 5,
}

public enum ConflictSeverity
{
    Warning = 0,
    Error = 1,
}

/// <summary>One problem in the programme. <see cref="Other"/> is the session it clashes with, when there is one.</summary>
public sealed record Conflict(ConflictKind Kind, int SessionId, int? Other = null, PersonKey? Person = null, int? RoomId = null)
{
    /// <summary>Errors stop a save; warnings are shown and left to the organizers' judgement.</summary>
    public ConflictSeverity Severity => Kind is ConflictKind.RoomDoubleBooked or ConflictKind.PersonDoubleBooked
        ? ConflictSeverity.Error : ConflictSeverity.Warning;
}

/// <summary>How long it takes to get from one venue to another; organizers set the times, both ways alike unless set apart.</summary>
public sealed class TravelTimes
{
    private readonly Dictionary<(int From, int To), TimeSpan> _times = [];

    public TravelTimes Set(int fromVenue, int toVenue, TimeSpan time)
    {
        _times[(fromVenue, toVenue)] = time;
        _times.TryAdd((toVenue, fromVenue), time);
        return this;
    }

    /// <summary>Zero within one venue or between venues with no time set.</summary>
    public TimeSpan Between(int fromVenue, int toVenue) =>
        fromVenue == toVenue ? TimeSpan.Zero : _times.GetValueOrDefault((fromVenue, toVenue));
}

/// <summary>
/// Finds the conflicts in a programme. Sessions are sorted once per room and once per person and swept in order, so
/// the work grows with the number of sessions and assignments (times the few that overlap), not with their square.
/// Sessions that touch (one ends as the next starts) do not overlap.
/// </summary>
public static class ConflictDetector
{
    public static IReadOnlyList<Conflict> Find(IReadOnlyList<PlannedSession> sessions, IReadOnlyDictionary<int, RoomFacts> rooms,
        TravelTimes travel, TimeZoneInfo zone)
    {
        var conflicts = new List<Conflict>();
        foreach (var group in sessions.Where(s => s.RoomId is not null).GroupBy(s => s.RoomId!.Value))
        {
            foreach (var (first, second) in Overlaps(group))
            {
                conflicts.Add(new Conflict(ConflictKind.RoomDoubleBooked, second.Id, first.Id, RoomId: group.Key));
            }
        }

        var byPerson = new Dictionary<PersonKey, List<PlannedSession>>();
        foreach (var session in sessions)
        {
            foreach (var person in session.People.Distinct())
            {
                if (!byPerson.TryGetValue(person, out var list))
                {
                    byPerson[person] = list = [];
                }

                list.Add(session);
            }
        }

        foreach (var (person, list) in byPerson)
        {
            foreach (var (first, second) in Overlaps(list))
            {
                conflicts.Add(new Conflict(ConflictKind.PersonDoubleBooked, second.Id, first.Id, person));
            }

            FindShortTransfers(person, list, rooms, travel, conflicts);
        }

        foreach (var session in sessions)
        {
            if (session.RoomId is not { } roomId || !rooms.TryGetValue(roomId, out var room))
            {
                continue;
            }

            if (session.ExpectedAttendance > room.Capacity)
            {
                conflicts.Add(new Conflict(ConflictKind.RoomTooSmall, session.Id, RoomId: roomId));
            }

            if (!WithinOpeningHours(session, room, zone))
            {
                conflicts.Add(new Conflict(ConflictKind.OutsideOpeningHours, session.Id, RoomId: roomId));
            }

            if (session.NeedsBooth && room.Booths == 0)
            {
                conflicts.Add(new Conflict(ConflictKind.NoInterpretationBooth, session.Id, RoomId: roomId));
            }
        }

        return conflicts;
    }

    /// <summary>Every pair of sessions that overlap in time, each pair once, earlier-starting session first.</summary>
    private static IEnumerable<(PlannedSession First, PlannedSession Second)> Overlaps(IEnumerable<PlannedSession> sessions)
    {
        var ordered = sessions.OrderBy(s => s.StartUtc).ThenBy(s => s.EndUtc).ThenBy(s => s.Id).ToList();
        var active = new List<PlannedSession>();
        foreach (var session in ordered)
        {
            active.RemoveAll(a => a.EndUtc <= session.StartUtc);
            foreach (var earlier in active)
            {
                yield return (earlier, session);
            }

            if (session.EndUtc > session.StartUtc)
            {
                active.Add(session);
            }
        }
    }

    /// <summary>Between one person's consecutive sessions in different venues, the gap must cover the journey.</summary>
    private static void FindShortTransfers(PersonKey person, List<PlannedSession> sessions, IReadOnlyDictionary<int, RoomFacts> rooms,
        TravelTimes travel, List<Conflict> conflicts)
    {
        PlannedSession? previous = null;
        foreach (var session in sessions.OrderBy(s => s.StartUtc).ThenBy(s => s.Id))
        {
            if (previous is not null && previous.EndUtc <= session.StartUtc
                && Venue(previous, rooms) is { } from && Venue(session, rooms) is { } to
                && session.StartUtc - previous.EndUtc < travel.Between(from, to))
            {
                conflicts.Add(new Conflict(ConflictKind.TooLittleTravelTime, session.Id, previous.Id, person));
            }

            if (previous is null || session.EndUtc > previous.EndUtc)
            {
                previous = session;
            }
        }
    }

    private static int? Venue(PlannedSession session, IReadOnlyDictionary<int, RoomFacts> rooms) =>
        session.RoomId is { } id && rooms.TryGetValue(id, out var room) ? room.VenueId : null;

    /// <summary>
    /// Whether the whole session falls in the room's opening hours on the local day (or days) it spans. Hours that close
    /// before they open (18:00–02:00) run past midnight.
    /// </summary>
    private static bool WithinOpeningHours(PlannedSession session, RoomFacts room, TimeZoneInfo zone)
    {
        if (room.OpensAt is not { } opens || room.ClosesAt is not { } closes || opens == closes)
        {
            return true;
        }

        var start = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(session.StartUtc, DateTimeKind.Utc), zone);
        var end = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(session.EndUtc, DateTimeKind.Utc), zone);

        // The opening that contains the start: today's, or for hours past midnight, yesterday's.
        var day = DateOnly.FromDateTime(start);
        foreach (var openingDay in new[] { day.AddDays(-1), day })
        {
            var openFrom = openingDay.ToDateTime(opens);
            var openUntil = (closes > opens ? openingDay : openingDay.AddDays(1)).ToDateTime(closes);
            if (start >= openFrom && end <= openUntil)
            {
                return true;
            }
        }

        return false;
    }
}
