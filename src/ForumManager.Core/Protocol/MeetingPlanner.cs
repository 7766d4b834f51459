using ForumManager.Core.Programme;

namespace ForumManager.Core.Protocol;

/// <summary>A stretch of time someone (or a room) is taken, and where, for the journey to and from it.</summary>
public readonly record struct BusyTime(DateTime StartUtc, DateTime EndUtc, int? VenueId);

/// <summary>A stretch of time a meeting may be held in.</summary>
public readonly record struct TimeWindow(DateTime FromUtc, DateTime ToUtc);

/// <summary>
/// An accepted meeting request as the planner sees it. <paramref name="Rank"/> orders requests (smaller first: the
/// delegation's best precedence rank); <paramref name="LanguagePair"/> null means no interpreter is needed.
/// </summary>
public sealed record MeetingRequestFacts(int Id, int Rank, IReadOnlyList<PersonKey> Participants, int DurationMinutes,
    IReadOnlyList<TimeWindow> Windows, string? LanguagePair);

/// <summary>An interpreter and the language pairs they work in.</summary>
public sealed record InterpreterFacts(int GuestId, IReadOnlyList<string> LanguagePairs)
{
    public PersonKey Key => new(PersonKind.Interpreter, GuestId);
}

/// <summary>Everything the planner weighs: the requests, who and what is already taken, and the journeys between venues.</summary>
public sealed class MeetingPlanInput
{
    public required IReadOnlyList<MeetingRequestFacts> Requests { get; init; }

    /// <summary>Every person's commitments: sessions they speak at, chair, take part in or are enrolled in, and meetings already fixed.</summary>
    public required IReadOnlyDictionary<PersonKey, List<BusyTime>> PeopleBusy { get; init; }

    /// <summary>The rooms meetings may be held in.</summary>
    public required IReadOnlyList<RoomFacts> Rooms { get; init; }

    /// <summary>When each room is taken (sessions and fixed meetings).</summary>
    public required IReadOnlyDictionary<int, List<BusyTime>> RoomsBusy { get; init; }

    public required IReadOnlyList<InterpreterFacts> Interpreters { get; init; }
    public required TravelTimes Travel { get; init; }
    public required TimeZoneInfo Zone { get; init; }

    /// <summary>Meetings start on this grid inside the windows (UTC quarter hours by default).</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromMinutes(15);
}

/// <summary>A time, room and interpreter where every participant is free and can get there in time.</summary>
public sealed record MeetingSlot(int RequestId, DateTime StartUtc, DateTime EndUtc, int RoomId, int? InterpreterGuestId);

public enum MeetingPlanReason
{
    /// <summary>No start fits in the preferred times (none given, or all shorter than the meeting).</summary>
    NoTime = 0,

    /// <summary>The people named are busy (or cannot get there in time) at every preferred time.</summary>
    PersonBusy = 1,

    /// <summary>Nobody interprets the pair.</summary>
    NoInterpreter = 2,

    /// <summary>Every interpreter for the pair is busy whenever the participants are free.</summary>
    InterpreterBusy = 3,

    /// <summary>No room big enough is free whenever the participants and an interpreter are.</summary>
    NoRoom = 4,
}

/// <summary>Why a request could not be placed; <see cref="People"/> are those busy at every preferred time, or the busiest.</summary>
public sealed record MeetingPlanProblem(int RequestId, MeetingPlanReason Reason, IReadOnlyList<PersonKey> People, string? LanguagePair);

public sealed record MeetingPlan(IReadOnlyList<MeetingSlot> Slots, IReadOnlyList<MeetingPlanProblem> Problems);

/// <summary>
/// Places bilateral meetings on a grid inside each request's preferred times where every participant, a room big
/// enough and an interpreter for the language pair are free, leaving each participant the travel time from their
/// previous commitment at another venue and to their next. Many requests are placed together, best-ranked delegations
/// first and then those with the fewest possible starts, each placement taken into account by the next, so nobody and
/// nothing is booked twice. Each person's, room's and interpreter's commitments are kept sorted, so checking a start
/// costs a binary search and the few commitments near it, not a pass over everything placed so far.
/// </summary>
public static class MeetingPlanner
{
    /// <summary>Places every request it can; the others come back with the reason.</summary>
    public static MeetingPlan Plan(MeetingPlanInput input)
    {
        var state = new State(input);
        var order = input.Requests
            .Select(r => (Request: r, Starts: Starts(r, input.Step).Count()))
            .OrderBy(r => r.Request.Rank).ThenBy(r => r.Starts).ThenBy(r => r.Request.Id)
            .Select(r => r.Request);
        var slots = new List<MeetingSlot>();
        var problems = new List<MeetingPlanProblem>();
        foreach (var request in order)
        {
            var slot = state.Options(request, 1).FirstOrDefault();
            if (slot is null)
            {
                problems.Add(state.Explain(request));
                continue;
            }

            state.Take(request, slot);
            slots.Add(slot);
        }

        return new MeetingPlan(slots, problems);
    }

    /// <summary>Up to <paramref name="max"/> possible slots for one request, earliest first, each with a different start.</summary>
    public static IReadOnlyList<MeetingSlot> Options(MeetingPlanInput input, MeetingRequestFacts request, int max) =>
        new State(input).Options(request, max).ToList();

    /// <summary>Why one request has no slot (or null when it has one).</summary>
    public static MeetingPlanProblem? Explain(MeetingPlanInput input, MeetingRequestFacts request)
    {
        var state = new State(input);
        return state.Options(request, 1).Any() ? null : state.Explain(request);
    }

    /// <summary>
    /// Whether a chosen slot still works (null) or what now stands in its way: a participant or the interpreter busy or
    /// too far away, the room taken, too small or closed. Confirmations check again with this inside their transaction.
    /// </summary>
    public static MeetingPlanProblem? Check(MeetingPlanInput input, MeetingRequestFacts request, MeetingSlot slot) => new State(input).Check(request, slot);

    /// <summary>The same pair either way round: "en-zh" and "zh-en" are one pair.</summary>
    public static string NormalizePair(string pair)
    {
        var parts = pair.Trim().ToLowerInvariant().Split('-', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 ? string.CompareOrdinal(parts[0], parts[1]) <= 0 ? $"{parts[0]}-{parts[1]}" : $"{parts[1]}-{parts[0]}" : pair.Trim().ToLowerInvariant();
    }

    /// <summary>The grid starts inside the windows at which the whole meeting fits, each once, in time order.</summary>
    internal static IEnumerable<DateTime> Starts(MeetingRequestFacts request, TimeSpan step)
    {
        var length = TimeSpan.FromMinutes(request.DurationMinutes);
        var seen = new HashSet<DateTime>();
        foreach (var window in request.Windows.OrderBy(w => w.FromUtc))
        {
            var ticks = (window.FromUtc.Ticks + step.Ticks - 1) / step.Ticks * step.Ticks;
            for (var start = new DateTime(ticks, DateTimeKind.Utc); start + length <= window.ToUtc; start += step)
            {
                if (seen.Add(start))
                {
                    yield return start;
                }
            }
        }
    }

    /// <summary>One person's, room's or interpreter's commitments, sorted by start.</summary>
    private sealed class Timeline
    {
        private readonly List<BusyTime> _items;
        private TimeSpan _longest;

        public Timeline(IEnumerable<BusyTime>? items)
        {
            _items = items?.Where(b => b.EndUtc > b.StartUtc).OrderBy(b => b.StartUtc).ToList() ?? [];
            _longest = _items.Count == 0 ? TimeSpan.Zero : _items.Max(b => b.EndUtc - b.StartUtc);
        }

        public int Count => _items.Count;

        public void Add(BusyTime busy)
        {
            var at = LowerBound(busy.StartUtc);
            _items.Insert(at, busy);
            if (busy.EndUtc - busy.StartUtc > _longest)
            {
                _longest = busy.EndUtc - busy.StartUtc;
            }
        }

        /// <summary>
        /// Whether [start, end) at <paramref name="venue"/> overlaps a commitment, or leaves too little time to come from
        /// one that ends before it or to go on to one that starts after it.
        /// </summary>
        public bool Blocks(DateTime start, DateTime end, int? venue, TravelTimes travel, TimeSpan farthest)
        {
            if (_items.Count == 0)
            {
                return false;
            }

            var from = start - farthest - _longest;
            for (var i = LowerBound(from); i < _items.Count && _items[i].StartUtc < end + farthest; i++)
            {
                var busy = _items[i];
                if (busy.StartUtc < end && busy.EndUtc > start)
                {
                    return true;
                }

                if (venue is not { } here || busy.VenueId is not { } there)
                {
                    continue;
                }

                if (busy.EndUtc <= start && start - busy.EndUtc < travel.Between(there, here))
                {
                    return true;
                }

                if (busy.StartUtc >= end && busy.StartUtc - end < travel.Between(here, there))
                {
                    return true;
                }
            }

            return false;
        }

        private int LowerBound(DateTime at)
        {
            int low = 0, high = _items.Count;
            while (low < high)
            {
                var mid = (low + high) / 2;
                if (_items[mid].StartUtc < at)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return low;
        }
    }

    private sealed class State
    {
        private readonly MeetingPlanInput _input;
        private readonly Dictionary<PersonKey, Timeline> _people = [];
        private readonly Dictionary<int, Timeline> _rooms = [];
        private readonly Dictionary<string, List<InterpreterFacts>> _byPair = [];
        private readonly Dictionary<int, int> _interpreterLoad = [];
        private readonly List<RoomFacts> _roomsBySize;
        private readonly TimeSpan _farthest;

        public State(MeetingPlanInput input)
        {
            _input = input;
            _roomsBySize = input.Rooms.OrderBy(r => r.Capacity).ThenBy(r => r.Id).ToList();
            foreach (var interpreter in input.Interpreters)
            {
                foreach (var pair in interpreter.LanguagePairs.Select(NormalizePair).Distinct())
                {
                    if (!_byPair.TryGetValue(pair, out var list))
                    {
                        _byPair[pair] = list = [];
                    }

                    list.Add(interpreter);
                }

                _interpreterLoad[interpreter.GuestId] = input.PeopleBusy.TryGetValue(interpreter.Key, out var busy) ? busy.Count : 0;
            }

            var venues = input.Rooms.Select(r => r.VenueId)
                .Concat(input.PeopleBusy.Values.SelectMany(b => b).Select(b => b.VenueId ?? 0).Where(v => v != 0))
                .Distinct().ToList();
            _farthest = TimeSpan.Zero;
            foreach (var a in venues)
            {
                foreach (var b in venues)
                {
                    var time = input.Travel.Between(a, b);
                    if (time > _farthest)
                    {
                        _farthest = time;
                    }
                }
            }
        }

        private Timeline Person(PersonKey key)
        {
            if (!_people.TryGetValue(key, out var timeline))
            {
                _people[key] = timeline = new Timeline(_input.PeopleBusy.GetValueOrDefault(key));
            }

            return timeline;
        }

        private Timeline Room(int id)
        {
            if (!_rooms.TryGetValue(id, out var timeline))
            {
                _rooms[id] = timeline = new Timeline(_input.RoomsBusy.GetValueOrDefault(id));
            }

            return timeline;
        }

        private IReadOnlyList<InterpreterFacts> InterpretersFor(string? pair) =>
            pair is null ? [] : _byPair.GetValueOrDefault(NormalizePair(pair)) as IReadOnlyList<InterpreterFacts> ?? [];

        private int Seats(MeetingRequestFacts request) => request.Participants.Distinct().Count() + (request.LanguagePair is null ? 0 : 1);

        public IEnumerable<MeetingSlot> Options(MeetingRequestFacts request, int max)
        {
            var length = TimeSpan.FromMinutes(request.DurationMinutes);
            var people = request.Participants.Distinct().Select(Person).ToList();
            var interpreters = InterpretersFor(request.LanguagePair).Where(i => !request.Participants.Contains(i.Key))
                .OrderBy(i => _interpreterLoad.GetValueOrDefault(i.GuestId)).ThenBy(i => i.GuestId).Select(i => (i.GuestId, Timeline: Person(i.Key))).ToList();
            var seats = Seats(request);
            var rooms = _roomsBySize.Where(r => r.Capacity >= seats).ToList();

            // Per start, whether the people (and which interpreter) can be at each venue: asked once per venue, not per room.
            var peopleAt = new Dictionary<int, bool>();
            var interpreterAt = new Dictionary<int, int?>();
            var found = 0;
            foreach (var start in Starts(request, _input.Step))
            {
                if (found >= max)
                {
                    yield break;
                }

                var end = start + length;

                // A start where someone is simply elsewhere, or every interpreter of the pair is, fails in every room: it is
                // ruled out before the rooms are walked, so the rooms are looked at only for starts the people can make.
                if (people.Exists(p => p.Blocks(start, end, null, _input.Travel, TimeSpan.Zero))
                    || (request.LanguagePair is not null && interpreters.TrueForAll(i => i.Timeline.Blocks(start, end, null, _input.Travel, TimeSpan.Zero))))
                {
                    continue;
                }

                var local = (TimeZoneInfo.ConvertTimeFromUtc(start, _input.Zone), TimeZoneInfo.ConvertTimeFromUtc(end, _input.Zone));
                peopleAt.Clear();
                interpreterAt.Clear();
                foreach (var room in rooms)
                {
                    if (!OpensLocal(room, local.Item1, local.Item2) || Room(room.Id).Blocks(start, end, null, _input.Travel, TimeSpan.Zero))
                    {
                        continue;
                    }

                    if (!peopleAt.TryGetValue(room.VenueId, out var free))
                    {
                        peopleAt[room.VenueId] = free = people.TrueForAll(p => !p.Blocks(start, end, room.VenueId, _input.Travel, _farthest));
                    }

                    if (!free)
                    {
                        continue;
                    }

                    int? interpreterId = null;
                    if (request.LanguagePair is not null)
                    {
                        if (!interpreterAt.TryGetValue(room.VenueId, out interpreterId))
                        {
                            var chosen = interpreters.FirstOrDefault(i => !i.Timeline.Blocks(start, end, room.VenueId, _input.Travel, _farthest));
                            interpreterAt[room.VenueId] = interpreterId = chosen.Timeline is null ? null : chosen.GuestId;
                        }

                        if (interpreterId is null)
                        {
                            continue;
                        }
                    }

                    found++;
                    yield return new MeetingSlot(request.Id, start, end, room.Id, interpreterId);
                    break;
                }
            }
        }

        public MeetingPlanProblem? Check(MeetingRequestFacts request, MeetingSlot slot)
        {
            var room = _input.Rooms.FirstOrDefault(r => r.Id == slot.RoomId);
            if (room is null || room.Capacity < Seats(request) || !Opens(room, slot.StartUtc, slot.EndUtc)
                || Room(room.Id).Blocks(slot.StartUtc, slot.EndUtc, null, _input.Travel, TimeSpan.Zero))
            {
                return new MeetingPlanProblem(request.Id, MeetingPlanReason.NoRoom, [], request.LanguagePair);
            }

            var busy = request.Participants.Distinct().Where(p => Person(p).Blocks(slot.StartUtc, slot.EndUtc, room.VenueId, _input.Travel, _farthest)).ToList();
            if (busy.Count > 0)
            {
                return new MeetingPlanProblem(request.Id, MeetingPlanReason.PersonBusy, busy, request.LanguagePair);
            }

            if (request.LanguagePair is not null)
            {
                var interpreters = InterpretersFor(request.LanguagePair);
                if (slot.InterpreterGuestId is not { } id || interpreters.All(i => i.GuestId != id))
                {
                    return new MeetingPlanProblem(request.Id, MeetingPlanReason.NoInterpreter, [], request.LanguagePair);
                }

                var key = new PersonKey(PersonKind.Interpreter, id);
                if (Person(key).Blocks(slot.StartUtc, slot.EndUtc, room.VenueId, _input.Travel, _farthest))
                {
                    return new MeetingPlanProblem(request.Id, MeetingPlanReason.InterpreterBusy, [key], request.LanguagePair);
                }
            }

            return null;
        }

        public void Take(MeetingRequestFacts request, MeetingSlot slot)
        {
            var venue = _input.Rooms.First(r => r.Id == slot.RoomId).VenueId;
            var busy = new BusyTime(slot.StartUtc, slot.EndUtc, venue);
            foreach (var person in request.Participants.Distinct())
            {
                Person(person).Add(busy);
            }

            Room(slot.RoomId).Add(busy);
            if (slot.InterpreterGuestId is { } interpreter)
            {
                Person(new PersonKey(PersonKind.Interpreter, interpreter)).Add(busy);
                _interpreterLoad[interpreter] = _interpreterLoad.GetValueOrDefault(interpreter) + 1;
            }
        }

        /// <summary>What stops every start: the people busy at all of them, else the interpreters, else the rooms.</summary>
        public MeetingPlanProblem Explain(MeetingRequestFacts request)
        {
            var starts = Starts(request, _input.Step).ToList();
            if (starts.Count == 0)
            {
                return new MeetingPlanProblem(request.Id, MeetingPlanReason.NoTime, [], request.LanguagePair);
            }

            var length = TimeSpan.FromMinutes(request.DurationMinutes);
            var participants = request.Participants.Distinct().ToList();
            var blocked = participants.ToDictionary(p => p, _ => 0);
            var interpreters = InterpretersFor(request.LanguagePair);
            var seats = Seats(request);
            var peopleFree = 0;
            var interpreterFree = 0;
            foreach (var start in starts)
            {
                var end = start + length;

                // A person is busy at this start if no usable room's venue lets them be there.
                var rooms = _roomsBySize.Where(r => r.Capacity >= seats && Opens(r, start, end)).ToList();
                var venues = rooms.Count == 0 ? [(int?)null] : rooms.Select(r => (int?)r.VenueId).Distinct().ToList();
                var anyBlocked = false;
                foreach (var person in participants)
                {
                    if (venues.All(v => Person(person).Blocks(start, end, v, _input.Travel, _farthest)))
                    {
                        blocked[person]++;
                        anyBlocked = true;
                    }
                }

                if (anyBlocked)
                {
                    continue;
                }

                peopleFree++;
                if (request.LanguagePair is null || interpreters.Any(i => venues.Any(v => !Person(i.Key).Blocks(start, end, v, _input.Travel, _farthest))))
                {
                    interpreterFree++;
                }
            }

            if (peopleFree == 0)
            {
                var most = blocked.Values.Max();
                var always = blocked.Where(b => b.Value == starts.Count).Select(b => b.Key).ToList();
                return new MeetingPlanProblem(request.Id, MeetingPlanReason.PersonBusy,
                    always.Count > 0 ? always : blocked.Where(b => b.Value == most).Select(b => b.Key).ToList(), request.LanguagePair);
            }

            if (request.LanguagePair is not null && interpreters.Count == 0)
            {
                return new MeetingPlanProblem(request.Id, MeetingPlanReason.NoInterpreter, [], request.LanguagePair);
            }

            if (interpreterFree == 0)
            {
                return new MeetingPlanProblem(request.Id, MeetingPlanReason.InterpreterBusy, interpreters.Select(i => i.Key).ToList(), request.LanguagePair);
            }

            return new MeetingPlanProblem(request.Id, MeetingPlanReason.NoRoom, [], request.LanguagePair);
        }

        private bool Opens(RoomFacts room, DateTime start, DateTime end) =>
            room.OpensAt is null || OpensLocal(room, TimeZoneInfo.ConvertTimeFromUtc(start, _input.Zone), TimeZoneInfo.ConvertTimeFromUtc(end, _input.Zone));

        /// <summary>Whether the room is open from <paramref name="localStart"/> to <paramref name="localEnd"/> (the forum's wall clock).</summary>
        private static bool OpensLocal(RoomFacts room, DateTime localStart, DateTime localEnd)
        {
            if (room.OpensAt is not { } opens || room.ClosesAt is not { } closes || opens == closes)
            {
                return true;
            }

            var day = DateOnly.FromDateTime(localStart);
            foreach (var openingDay in new[] { day.AddDays(-1), day })
            {
                var from = openingDay.ToDateTime(opens);
                var until = (closes > opens ? openingDay : openingDay.AddDays(1)).ToDateTime(closes);
                if (localStart >= from && localEnd <= until)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
