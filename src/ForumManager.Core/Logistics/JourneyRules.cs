using System.Text.RegularExpressions;

namespace ForumManager.Core.Logistics;

public enum JourneyProblem
{
    NumberImplausible,
    ArrivalTooEarly,
    ArrivalAfterForum,
    DepartureBeforeForum,
    DepartureTooLate,
    DepartureBeforeArrival,
}

/// <summary>Checks on what delegates enter about their travel, so that a mistyped flight or date is caught at the form.</summary>
public static partial class JourneyRules
{
    /// <summary>How many days before the forum opens, or after it closes, a delegate may still travel.</summary>
    public const int MarginDays = 7;

    /// <summary>The number in its usual form: capitals, no spaces or dashes, and for a flight the leading zeros dropped (CA 0976 → CA976); a train's number is kept as it is (G1001).</summary>
    public static string Normalize(TravelMode mode, string number)
    {
        var plain = NotPartOfNumber().Replace(number.Trim().ToUpperInvariant(), string.Empty);
        var flight = mode == TravelMode.Flight ? Flight().Match(plain) : null;
        return flight is { Success: true } ? flight.Groups["airline"].Value + int.Parse(flight.Groups["digits"].Value, System.Globalization.CultureInfo.InvariantCulture) + flight.Groups["suffix"].Value : plain;
    }

    /// <summary>
    /// A flight is an IATA airline designator (two letters, or a letter and a digit) and one to four digits, with an
    /// optional operational suffix; a Chinese train is a class letter (G, D, C, Z, T, K, Y, L, S) or none and one to four digits.
    /// </summary>
    public static bool IsPlausibleNumber(TravelMode mode, string number)
    {
        var plain = Normalize(mode, number);
        return mode switch
        {
            TravelMode.Flight => Flight().Match(plain) is { Success: true } flight && flight.Groups["digits"].Value.Any(c => c != '0'),
            TravelMode.Train => Train().IsMatch(plain),
            _ => plain.Length is > 0 and <= 12,
        };
    }

    public static IReadOnlyList<JourneyProblem> Check(TravelMode mode, string number, JourneyDirection direction, DateOnly localDate,
        DateOnly forumStart, DateOnly forumEnd, DateTime? arrivalUtc = null, DateTime? departureUtc = null)
    {
        var problems = new List<JourneyProblem>();
        if (!IsPlausibleNumber(mode, number))
            problems.Add(JourneyProblem.NumberImplausible);

        if (direction == JourneyDirection.Arrival)
        {
            if (localDate < forumStart.AddDays(-MarginDays))
                problems.Add(JourneyProblem.ArrivalTooEarly);
            if (localDate > forumEnd)
                problems.Add(JourneyProblem.ArrivalAfterForum);
        }
        else
        {
            if (localDate < forumStart)
                problems.Add(JourneyProblem.DepartureBeforeForum);
            if (localDate > forumEnd.AddDays(MarginDays))
                problems.Add(JourneyProblem.DepartureTooLate);
        }

        if (arrivalUtc is { } arrives && departureUtc is { } leaves && leaves <= arrives)
            problems.Add(JourneyProblem.DepartureBeforeArrival);
        return problems;
    }

    [GeneratedRegex(@"[\s\-]")]
    private static partial Regex NotPartOfNumber();

    [GeneratedRegex(@"^(?<airline>[A-Z]{2}|[A-Z][0-9]|[0-9][A-Z])(?<digits>[0-9]{1,4})(?<suffix>[A-Z]?)$")]
    private static partial Regex Flight();

    [GeneratedRegex(@"^[GDCZTKYLS]?[0-9]{1,4}$")]
    private static partial Regex Train();
}
