using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace ForumManager.Web.Pages.Admin;

/// <summary>One row of values drawn in one colour; <see cref="CssClass"/> picks the colour in site.css.</summary>
public sealed record ChartSeries(string Name, string CssClass, IReadOnlyList<int> Values);

/// <summary>
/// Charts drawn on the server as inline SVG: no script runs and nothing is loaded, so the Content-Security-Policy holds,
/// and colours come from classes in site.css because inline styles are blocked. Each chart is one image to assistive
/// technology, named by a sentence that sums it up; the figures themselves follow each chart as a table.
/// </summary>
public static class SvgCharts
{
    // Names in every script stay readable in the markup; only what HTML needs escaped is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const int LabelWidth = 190;
    private const int BarHeight = 18;
    private const int BarGap = 6;
    private const int PlotWidth = 420;
    private const int ValueWidth = 60;

    /// <summary>Horizontal bars, one per label, longest scale at the largest value.</summary>
    public static IHtmlContent Bars(string summary, IReadOnlyList<(string Label, int Value)> bars, string cssClass = "series-1")
    {
        var max = Math.Max(1, bars.Count == 0 ? 0 : bars.Max(b => b.Value));
        var height = Math.Max(1, bars.Count) * (BarHeight + BarGap) + BarGap;
        var width = LabelWidth + PlotWidth + ValueWidth;
        var svg = Open(summary, width, height, "bars");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = BarGap + i * (BarHeight + BarGap);
            var length = value == 0 ? 0 : Math.Max(1.0, PlotWidth * (double)value / max);
            Text(svg, LabelWidth - 8, y + BarHeight * 0.75, "label end", Shorten(label, 28));
            Rect(svg, LabelWidth, y, length, BarHeight, cssClass);
            Text(svg, LabelWidth + length + 6, y + BarHeight * 0.75, "value", Number(value));
        }

        return Close(svg);
    }

    /// <summary>
    /// Columns side by side for each category (one per series), an optional line over them on its own scale (a running
    /// total), and labels under the categories that have one.
    /// </summary>
    public static IHtmlContent Columns(string summary, IReadOnlyList<string> ticks, IReadOnlyList<ChartSeries> series, ChartSeries? line = null)
    {
        const int top = 16;
        const int plotHeight = 180;
        const int left = 44;
        const int bottom = 40;
        var count = Math.Max(1, ticks.Count);
        var step = Math.Max(3.0, Math.Min(48.0, 720.0 / count));
        var right = line is null ? 12 : 52;
        var width = left + step * count + right;
        var legend = series.Count + (line is null ? 0 : 1) > 1 ? 22 : 0;
        var height = top + plotHeight + bottom + legend;
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var svg = Open(summary, width, height, "columns");

        var baseline = top + plotHeight;
        Line(svg, left, baseline, left + step * count, baseline, "axis");
        Line(svg, left, top, left, baseline, "axis");
        Text(svg, left - 4, top + 4, "value end", Number(max));
        Text(svg, left - 4, baseline, "value end", "0");

        var inner = step * 0.8 / Math.Max(1, series.Count);
        for (var i = 0; i < ticks.Count; i++)
        {
            var x0 = left + step * i + step * 0.1;
            for (var s = 0; s < series.Count; s++)
            {
                var value = i < series[s].Values.Count ? series[s].Values[i] : 0;
                if (value > 0)
                {
                    var h = Math.Max(1.0, plotHeight * (double)value / max);
                    Rect(svg, x0 + inner * s, baseline - h, Math.Max(1.0, inner - (series.Count > 1 ? 1 : 0)), h, series[s].CssClass);
                }
            }

            if (!string.IsNullOrEmpty(ticks[i]))
            {
                Line(svg, left + step * i, baseline, left + step * i, baseline + 4, "axis");
                Text(svg, left + step * i + 2, baseline + 16, "tick", ticks[i]);
            }
        }

        if (line is not null && line.Values.Count > 0)
        {
            var lineMax = Math.Max(1, line.Values.Max());
            var points = new StringBuilder();
            for (var i = 0; i < line.Values.Count; i++)
            {
                var x = left + step * i + step / 2;
                var y = baseline - plotHeight * (double)line.Values[i] / lineMax;
                points.Append(F(x)).Append(',').Append(F(y)).Append(' ');
            }

            svg.Append("<polyline class=\"line ").Append(line.CssClass).Append("\" fill=\"none\" points=\"").Append(points.ToString().TrimEnd()).Append("\"/>");
            Line(svg, left + step * count, top, left + step * count, baseline, "axis");
            Text(svg, left + step * count + 4, top + 4, "value", Number(lineMax));
        }

        if (legend > 0)
        {
            var x = (double)left;
            var y = height - 8;
            foreach (var s in line is null ? series : [.. series, line])
            {
                Rect(svg, x, y - 10, 12, 12, s == line ? "legend-line " + s.CssClass : s.CssClass);
                Text(svg, x + 16, y, "legend", s.Name);
                x += 28 + Math.Min(24, s.Name.Length) * 7;
            }
        }

        return Close(svg);
    }

    /// <summary>One bar filled to the share done, with the figures written beside it.</summary>
    public static IHtmlContent Progress(string summary, int done, int total, string caption)
    {
        const int width = 620;
        const int barWidth = 440;
        var svg = Open(summary, width, 44, "progress");
        var share = total <= 0 ? 0 : Math.Min(1.0, (double)done / total);
        Rect(svg, 0, 8, barWidth, 24, "track");
        if (share > 0)
        {
            Rect(svg, 0, 8, Math.Max(1.0, barWidth * share), 24, "series-1");
        }

        Text(svg, barWidth + 10, 26, "value", caption);
        return Close(svg);
    }

    private static StringBuilder Open(string summary, double width, double height, string kind)
    {
        var text = Encoder.Encode(summary);
        return new StringBuilder()
            .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ").Append(kind).Append("\" role=\"img\" aria-label=\"").Append(text)
            .Append("\" viewBox=\"0 0 ").Append(F(width)).Append(' ').Append(F(height)).Append("\" preserveAspectRatio=\"xMinYMin meet\">")
            .Append("<title>").Append(text).Append("</title>");
    }

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static void Rect(StringBuilder svg, double x, double y, double width, double height, string cssClass) =>
        svg.Append("<rect class=\"").Append(cssClass).Append("\" x=\"").Append(F(x)).Append("\" y=\"").Append(F(y))
            .Append("\" width=\"").Append(F(width)).Append("\" height=\"").Append(F(height)).Append("\"/>");

    private static void Line(StringBuilder svg, double x1, double y1, double x2, double y2, string cssClass) =>
        svg.Append("<line class=\"").Append(cssClass).Append("\" x1=\"").Append(F(x1)).Append("\" y1=\"").Append(F(y1))
            .Append("\" x2=\"").Append(F(x2)).Append("\" y2=\"").Append(F(y2)).Append("\"/>");

    private static void Text(StringBuilder svg, double x, double y, string cssClass, string text) =>
        svg.Append("<text class=\"").Append(cssClass).Append("\" x=\"").Append(F(x)).Append("\" y=\"").Append(F(y))
            .Append(cssClass.Contains("end", StringComparison.Ordinal) ? "\" text-anchor=\"end\">" : "\">")
            .Append(Encoder.Encode(text)).Append("</text>");

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
