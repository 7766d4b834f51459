using System.Globalization;

namespace ForumManager.Web.Pages.Admin;

public enum TimelineBin
{
    Day,
    Week,
    Month,
}

/// <summary>Registrations made from <see cref="First"/> to <see cref="Last"/> (forum days, both included).</summary>
public sealed record TimelineBar(DateOnly First, DateOnly Last, int Count, int Cumulative);

/// <summary>
/// Registrations over the registration window, from the first registration of the edition to the forum's last day,
/// counted by day, by week or by month as the window's length requires, so that the chart has a bounded number of
/// columns however long the window. A window never starts more than <see cref="LongestLeadYears"/> years before the forum:
/// registrations dated earlier (imported from an older list, or a clock gone wrong) are counted in the first column,
/// those dated after the forum's last day in the last, and the page says how many.
/// </summary>
public sealed record RegistrationTimeline(TimelineBin Bin, IReadOnlyList<TimelineBar> Bars, int Earlier, int Later)
{
    /// <summary>The longest time before the forum that a registration window is taken to start.</summary>
    public const int LongestLeadYears = 3;

    /// <summary>Windows up to this many days are counted by day; up to <see cref="WeeksUpToDays"/>, by week; longer ones by month.</summary>
    public const int DaysUpToDays = 62;

    public const int WeeksUpToDays = 2 * 366;

    public static RegistrationTimeline? For(IReadOnlyDictionary<DateOnly, int> perDay, DateOnly forumStart, DateOnly forumEnd)
    {
        if (perDay.Count == 0)
        {
            return null;
        }

        var end = forumEnd;
        var start = perDay.Keys.Min();
        var earliest = forumStart.AddYears(-LongestLeadYears);
        start = start < earliest ? earliest : start > end ? end : start;
        var days = end.DayNumber - start.DayNumber + 1;
        var bin = days <= DaysUpToDays ? TimelineBin.Day : days <= WeeksUpToDays ? TimelineBin.Week : TimelineBin.Month;

        var bars = new List<TimelineBar>();
        var total = 0;
        for (var first = start; first <= end;)
        {
            var next = bin switch
            {
                TimelineBin.Day => first.AddDays(1),
                TimelineBin.Week => first.AddDays(7),
                _ => new DateOnly(first.Year, first.Month, 1).AddMonths(1),
            };
            var last = next.AddDays(-1) < end ? next.AddDays(-1) : end;
            var count = perDay.Where(d => (d.Key >= first || bars.Count == 0) && (d.Key <= last || next > end)).Sum(d => d.Value);
            total += count;
            bars.Add(new TimelineBar(first, last, count, total));
            first = next;
        }

        return new RegistrationTimeline(bin, bars, perDay.Where(d => d.Key < start).Sum(d => d.Value), perDay.Where(d => d.Key > end).Sum(d => d.Value));
    }

    /// <summary>
    /// What the axis says under each column: its first date, with the year under the first column's, or, where the window
    /// crosses into another year, in every date, so that no label can be read in the wrong year.
    /// </summary>
    public IReadOnlyList<string> Ticks()
    {
        var inv = CultureInfo.InvariantCulture;
        var crossesYear = Bars[0].First.Year != Bars[^1].Last.Year;
        return Bars.Select((b, i) => Bin == TimelineBin.Month ? b.First.ToString("yyyy-MM", inv)
            : crossesYear ? b.First.ToString("yyyy-MM-dd", inv)
            : i == 0 ? b.First.ToString("MM-dd", inv) + "\n" + b.First.ToString("yyyy", inv)
            : b.First.ToString("MM-dd", inv)).ToList();
    }

    /// <summary>A column's days as the figures table shows them: one date, a range of dates, or a month.</summary>
    public static string Period(TimelineBar bar, TimelineBin bin)
    {
        var inv = CultureInfo.InvariantCulture;
        return bin == TimelineBin.Day || bar.First == bar.Last ? bar.First.ToString("yyyy-MM-dd", inv)
            : $"{bar.First.ToString("yyyy-MM-dd", inv)} – {bar.Last.ToString("yyyy-MM-dd", inv)}";
    }
}
