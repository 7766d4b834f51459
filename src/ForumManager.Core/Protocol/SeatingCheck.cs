using ForumManager.Core.Programme;

namespace ForumManager.Core.Protocol;

public enum SeatingConflictKind
{
    /// <summary>Two people in one seat (or one chair behind it).</summary>
    SeatGivenTwice = 0,

    /// <summary>Someone in a seat held back for another purpose.</summary>
    ReservedSeatTaken = 1,

    /// <summary>A seat the session's layout no longer has (the layout was changed after seating).</summary>
    SeatNotInLayout = 2,

    /// <summary>Someone seated in another session at the same time.</summary>
    SeatedInOverlappingSession = 3,

    /// <summary>A guest in a more honourable seat than someone of better rank at the same table.</summary>
    SeatedAboveBetterRank = 4,
}

public enum SeatingSeverity
{
    Error = 0,
    Warning = 1,
}

/// <summary>
/// One problem of a session's seating. <paramref name="Other"/> is the second person concerned (the one outranked, or the
/// one sharing the seat); <paramref name="OtherSessionId"/> the overlapping session.
/// </summary>
public sealed record SeatingConflict(SeatingConflictKind Kind, SeatingSeverity Severity, PersonKey Person, int Table, int Seat,
    PersonKey? Other = null, int? OtherSessionId = null);

/// <summary>Where someone sits in another session, and when it runs.</summary>
public readonly record struct SeatingElsewhere(PersonKey Person, int SessionId, DateTime StartUtc, DateTime EndUtc);

/// <summary>
/// What the check knows of the people seated: their precedence ranks, who is press, who interprets, and the host (who sits
/// first whatever their rank). Someone without a rank, and every interpreter, is left out of the honour check.
/// </summary>
public sealed record SeatingPeople(IReadOnlyDictionary<PersonKey, int> Ranks, IReadOnlySet<PersonKey> Press, IReadOnlySet<PersonKey> Interpreters,
    PersonKey? Host);

/// <summary>The conflicts of one session's seating, errors first; pure, over what the caller loaded.</summary>
public static class SeatingCheck
{
    public static IReadOnlyList<SeatingConflict> Check(SeatMap map, IReadOnlyList<ReservedSpot> reserved, IReadOnlyList<PlannedSeat> seated,
        SeatingPeople people, DateTime startUtc, DateTime endUtc, IReadOnlyList<SeatingElsewhere> elsewhere)
    {
        var ranks = people.Ranks;
        var host = people.Host;
        var conflicts = new List<SeatingConflict>();
        var seats = map.Seats.ToDictionary(s => (s.Table, s.Seat));
        var held = new Dictionary<(int, int), SeatPurpose>();
        foreach (var spot in reserved)
        {
            held[(spot.Table, spot.Seat)] = spot.Purpose;
        }

        var first = new Dictionary<(int, int, bool), PersonKey>();
        foreach (var person in seated.OrderBy(s => s.Table).ThenBy(s => s.Seat).ThenBy(s => s.Person.Kind).ThenBy(s => s.Person.Id))
        {
            if (!seats.ContainsKey((person.Table, person.Seat)))
            {
                conflicts.Add(new SeatingConflict(SeatingConflictKind.SeatNotInLayout, SeatingSeverity.Error, person.Person, person.Table, person.Seat));
            }

            if (!first.TryAdd((person.Table, person.Seat, person.Behind), person.Person))
            {
                conflicts.Add(new SeatingConflict(SeatingConflictKind.SeatGivenTwice, SeatingSeverity.Error, person.Person, person.Table, person.Seat,
                    first[(person.Table, person.Seat, person.Behind)]));
            }

            // The host in the host's seat and interpreters in theirs are where the seat was held for; anyone else is not.
            if (!person.Behind && held.TryGetValue((person.Table, person.Seat), out var purpose) && !Fits(purpose, person.Person, people))
            {
                conflicts.Add(new SeatingConflict(SeatingConflictKind.ReservedSeatTaken, SeatingSeverity.Error, person.Person, person.Table, person.Seat));
            }
        }

        var here = seated.GroupBy(s => s.Person).ToDictionary(g => g.Key, g => g.First());
        foreach (var other in elsewhere.OrderBy(e => e.StartUtc).ThenBy(e => e.SessionId))
        {
            if (other.StartUtc < endUtc && startUtc < other.EndUtc && here.TryGetValue(other.Person, out var seat))
            {
                conflicts.Add(new SeatingConflict(SeatingConflictKind.SeatedInOverlappingSession, SeatingSeverity.Error, other.Person, seat.Table, seat.Seat,
                    OtherSessionId: other.SessionId));
            }
        }

        // At each table, by honour: anyone ranked worse than the best rank of the seats below them sits above them.
        foreach (var table in seated.Where(s => !s.Behind && s.Person != host && !people.Interpreters.Contains(s.Person) && ranks.ContainsKey(s.Person) && seats.ContainsKey((s.Table, s.Seat)))
                     .GroupBy(s => s.Table).OrderBy(g => g.Key))
        {
            var ordered = table.OrderBy(s => seats[(s.Table, s.Seat)].Honour).ToList();
            var best = new PlannedSeat?[ordered.Count];
            PlannedSeat? below = null;
            for (var i = ordered.Count - 1; i >= 0; i--)
            {
                best[i] = below;
                if (below is null || ranks[ordered[i].Person] < ranks[below.Value.Person])
                {
                    below = ordered[i];
                }
            }

            for (var i = 0; i < ordered.Count; i++)
            {
                if (best[i] is { } better && ranks[better.Person] < ranks[ordered[i].Person])
                {
                    conflicts.Add(new SeatingConflict(SeatingConflictKind.SeatedAboveBetterRank, SeatingSeverity.Warning, ordered[i].Person,
                        ordered[i].Table, ordered[i].Seat, better.Person));
                }
            }
        }

        return conflicts.OrderBy(c => c.Severity).ThenBy(c => c.Table).ThenBy(c => c.Seat).ToList();
    }

    private static bool Fits(SeatPurpose purpose, PersonKey person, SeatingPeople people) => purpose switch
    {
        SeatPurpose.Host => person == people.Host,
        SeatPurpose.Interpreter => people.Interpreters.Contains(person),
        SeatPurpose.Press => people.Press.Contains(person),
        _ => false,
    };
}
