using System.Globalization;
using System.Xml.Linq;
using ForumManager.Web.Pages.Admin;

namespace ForumManager.Web.Tests.Admin;

/// <summary>
/// The dashboard's charts as drawn: a registration window binned so the chart stays readable, dates with their year,
/// and every word inside its box, clear of the bars and of each other.
/// </summary>
public sealed class ChartLayoutTests
{
    private static readonly DateOnly ForumStart = new(2010, 6, 22);
    private static readonly DateOnly ForumEnd = new(2010, 6, 24);

    [Fact]
    public void Should_count_the_demo_forums_registration_window_by_week_from_the_first_registration_to_the_forums_last_day()
    {
        var perDay = Days(new DateOnly(2010, 4, 15), new DateOnly(2010, 6, 4), 5);

        var timeline = RegistrationTimeline.For(perDay, ForumStart, ForumEnd)!;

        Assert.Equal(TimelineBin.Week, timeline.Bin);
        Assert.Equal(new DateOnly(2010, 4, 15), timeline.Bars[0].First);
        Assert.Equal(ForumEnd, timeline.Bars[^1].Last);
        Assert.Equal(11, timeline.Bars.Count);
        Assert.Equal(perDay.Values.Sum(), timeline.Bars[^1].Cumulative);
        Assert.Equal("04-15\n2010", timeline.Ticks()[0]);
        Assert.Equal("04-22", timeline.Ticks()[1]);
        Assert.Equal("2010-04-22 – 2010-04-28", RegistrationTimeline.Period(timeline.Bars[1], timeline.Bin));
    }

    [Fact]
    public void Should_count_a_short_window_by_day()
    {
        var timeline = RegistrationTimeline.For(Days(new DateOnly(2010, 6, 1), new DateOnly(2010, 6, 20), 2), ForumStart, ForumEnd)!;

        Assert.Equal(TimelineBin.Day, timeline.Bin);
        Assert.Equal(24, timeline.Bars.Count);
        Assert.All(timeline.Bars, b => Assert.Equal(b.First, b.Last));
    }

    [Fact]
    public void Should_write_the_year_on_every_date_of_a_window_that_crosses_into_another_year()
    {
        var start = new DateOnly(2011, 1, 20);
        var timeline = RegistrationTimeline.For(Days(new DateOnly(2010, 11, 1), new DateOnly(2011, 1, 10), 1), start, start.AddDays(2))!;

        var ticks = timeline.Ticks();

        Assert.Equal(TimelineBin.Week, timeline.Bin);
        Assert.All(ticks, t => Assert.Matches(@"^20(10|11)-\d\d-\d\d$", t));
        var svg = Svg(SvgCharts.Columns("registrations", ticks, [new ChartSeries("Per week", "series-1", timeline.Bars.Select(b => b.Count).ToList())],
            new ChartSeries("Running total", "series-2", timeline.Bars.Select(b => b.Cumulative).ToList())));
        var drawn = Texts(svg).Where(t => t.Class == "tick").Select(t => t.Text).ToList();
        Assert.Contains(drawn, t => t.StartsWith("2011-", StringComparison.Ordinal));
        Assert.All(drawn, t => Assert.Matches(@"^\d{4}-\d\d-\d\d$", t));
        AssertLaidOut(svg);
    }

    [Fact]
    public void Should_bound_the_columns_of_a_window_of_years_and_count_older_registrations_in_the_first()
    {
        var perDay = Days(new DateOnly(2007, 9, 1), new DateOnly(2010, 6, 20), 1);
        perDay[new DateOnly(1999, 1, 1)] = 7;
        perDay[new DateOnly(2026, 5, 1)] = 3;

        var timeline = RegistrationTimeline.For(perDay, ForumStart, ForumEnd)!;

        Assert.Equal(TimelineBin.Month, timeline.Bin);
        Assert.InRange(timeline.Bars.Count, 30, 40);
        Assert.Equal(new DateOnly(2007, 6, 22), timeline.Bars[0].First);
        Assert.Equal(7, timeline.Earlier);
        Assert.Equal(3, timeline.Later);
        Assert.Equal(perDay.Values.Sum(), timeline.Bars[^1].Cumulative);
        Assert.All(timeline.Ticks(), t => Assert.Matches(@"^\d{4}-\d\d$", t));

        var weeks = RegistrationTimeline.For(Days(new DateOnly(2008, 7, 1), new DateOnly(2010, 6, 20), 1), ForumStart, ForumEnd)!;
        Assert.Equal(TimelineBin.Week, weeks.Bin);
        Assert.InRange(weeks.Bars.Count, 90, 106);
    }

    [Fact]
    public void Should_keep_every_label_of_a_busy_column_chart_inside_its_box_and_apart()
    {
        var timeline = RegistrationTimeline.For(Days(new DateOnly(2010, 4, 15), new DateOnly(2010, 6, 4), 137), ForumStart, ForumEnd)!;

        var svg = Svg(SvgCharts.Columns("registrations", timeline.Ticks(), [new ChartSeries("每周", "series-1", timeline.Bars.Select(b => b.Count).ToList())],
            new ChartSeries("累计报名人数（含已取消和被拒绝的报名）", "series-2", timeline.Bars.Select(b => b.Cumulative).ToList())));

        AssertLaidOut(svg);
        Assert.True(Texts(svg).Count(t => t.Class == "tick") >= 3);
    }

    [Fact]
    public void Should_lay_out_three_series_with_their_legend_below_the_columns_and_the_dates()
    {
        string[] nights = ["06-20\n2010", "06-21", "06-22", "06-23", "06-24", "06-25"];
        var svg = Svg(SvgCharts.Columns("hotel", nights,
        [
            new ChartSeries("Rooms held", "series-4", [120, 180, 180, 180, 160, 40]),
            new ChartSeries("Rooms given out", "series-1", [80, 150, 170, 170, 150, 30]),
            new ChartSeries("Guests", "series-3", [100, 190, 220, 220, 200, 35]),
        ]));

        AssertLaidOut(svg);
        Assert.Equal(3, Texts(svg).Count(t => t.Class == "legend"));
        Assert.Equal(["06-20", "2010", .. nights[1..]], Texts(svg).Where(t => t.Class == "tick").Select(t => t.Text));
    }

    [Fact]
    public void Should_shorten_long_names_on_bars_and_wrap_a_long_check_in_caption_inside_the_box()
    {
        var bars = SvgCharts.Bars("delegations", [
            ("Delegation of the Municipal People's Government of the City of Saint Petersburg and the Leningrad Region", 1234),
            ("圣彼得堡市与列宁格勒州人民政府代表团及随行记者和工作人员", 87),
            ("Iceland", 2),
        ]);
        var progress = SvgCharts.Progress("check-in", 37, 220, "220名已批准代表中37名已报到（17%），另有12名代表已到达但尚未领取证件");
        var english = SvgCharts.Progress("check-in", 37, 220, "37 of 220 approved delegates checked in (17%), and 12 more arrived but have not collected their badges yet");

        foreach (var svg in new[] { Svg(bars), Svg(progress), Svg(english) })
        {
            AssertLaidOut(svg);
        }

        Assert.Contains(Texts(Svg(bars)), t => t.Text.EndsWith('…'));
        Assert.True(Texts(Svg(english)).Count >= 2);
    }

    internal sealed record TextBox(string Class, string Text, double Left, double Top, double Right, double Bottom);

    /// <summary>
    /// Every text inside the viewBox, no two texts overlapping, and no legend or tick label over a bar, each text's width
    /// estimated on its own terms here: a CJK character a full em, anything else six tenths of one.
    /// </summary>
    internal static void AssertLaidOut(XElement svg)
    {
        var box = svg.Attribute("viewBox")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var texts = Texts(svg);
        foreach (var t in texts)
        {
            Assert.True(t.Left >= box[0] - 0.01 && t.Right <= box[2] + 0.01 && t.Top >= box[1] - 0.01 && t.Bottom <= box[3] + 0.01,
                $"\"{t.Text}\" ({t.Left:0.#}..{t.Right:0.#}, {t.Top:0.#}..{t.Bottom:0.#}) is outside the box {box[2]}×{box[3]}");
        }

        for (var i = 0; i < texts.Count; i++)
        {
            for (var j = i + 1; j < texts.Count; j++)
            {
                Assert.False(Overlap(texts[i], texts[j]), $"\"{texts[i].Text}\" overlaps \"{texts[j].Text}\"");
            }
        }

        var bars = svg.Descendants().Where(e => e.Name.LocalName == "rect" && !(e.Attribute("class")?.Value ?? string.Empty).Contains("track", StringComparison.Ordinal))
            .Select(r => new TextBox("rect", "bar", N(r, "x"), N(r, "y"), N(r, "x") + N(r, "width"), N(r, "y") + N(r, "height"))).ToList();
        foreach (var t in texts.Where(t => t.Class is "tick" or "legend" or "label end"))
        {
            var legendKeys = t.Class == "legend" ? bars.Where(b => b.Right - b.Left == 10 && b.Bottom - b.Top == 10).ToList() : [];
            Assert.DoesNotContain(bars.Except(legendKeys), b => Overlap(t, b));
        }
    }

    internal static XElement Svg(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return XElement.Parse(writer.ToString());
    }

    internal static List<TextBox> Texts(XElement svg)
    {
        const double size = SvgCharts.FontSize;
        return svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e =>
        {
            var text = e.Value;
            var width = text.EnumerateRunes().Sum(r => r.Value is >= 0x2E80 and <= 0x9FFF or >= 0xAC00 and <= 0xD7A3 or >= 0xFF00 and <= 0xFF60 ? 1.0 : 0.6) * size;
            var x = N(e, "x");
            var left = e.Attribute("text-anchor")?.Value == "end" ? x - width : e.Attribute("text-anchor")?.Value == "middle" ? x - width / 2 : x;
            var y = N(e, "y");
            return new TextBox(e.Attribute("class")?.Value ?? string.Empty, text, left, y - size * 0.8, left + width, y + size * 0.2);
        }).ToList();
    }

    private static bool Overlap(TextBox a, TextBox b) => a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;

    private static double N(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    private static Dictionary<DateOnly, int> Days(DateOnly first, DateOnly last, int each)
    {
        var days = new Dictionary<DateOnly, int>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days[day] = each + day.DayNumber % 3;
        }

        return days;
    }
}
