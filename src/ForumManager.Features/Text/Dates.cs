using System.Globalization;

namespace ForumManager.Features.Text;

/// <summary>Dates as people write them in the current language: "22–24 June 2010", "2010年6月22日至24日".</summary>
public static class Dates
{
    public static string Range(DateOnly start, DateOnly end)
    {
        var culture = CultureInfo.CurrentCulture;
        if (culture.Name.StartsWith("zh", StringComparison.Ordinal))
        {
            return start == end ? $"{start.Year}年{start.Month}月{start.Day}日"
                : start.Month == end.Month && start.Year == end.Year ? $"{start.Year}年{start.Month}月{start.Day}日至{end.Day}日"
                : $"{start.Year}年{start.Month}月{start.Day}日至{end.Year}年{end.Month}月{end.Day}日";
        }

        return start == end ? start.ToString("d MMMM yyyy", culture)
            : start.Month == end.Month && start.Year == end.Year ? $"{start.Day}–{end.ToString("d MMMM yyyy", culture)}"
            : $"{start.ToString("d MMMM yyyy", culture)} – {end.ToString("d MMMM yyyy", culture)}";
    }

    public static string Day(DateOnly day)
    {
        var culture = CultureInfo.CurrentCulture;
        return culture.Name.StartsWith("zh", StringComparison.Ordinal)
            ? $"{day.Month}月{day.Day}日 {culture.DateTimeFormat.GetDayName(day.DayOfWeek)}"
            : day.ToString("dddd d MMMM", culture);
    }
}
