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
/// <remarks>
/// Every chart is <see cref="Width"/> units wide whatever it shows, so it keeps one scale and its text one size on the
/// page (site.css sets the width it is shown at). Text is laid out with a width budget: each label is measured with
/// <see cref="TextWidth"/>, shortened with an ellipsis where it would not fit, and never placed over another label, a
/// bar or the edge of the box.
/// </remarks>
public static class SvgCharts
{
    /// <summary>The width of every chart's box, in SVG units.</summary>
    public const int Width = 400;

    /// <summary>The size of all chart text in SVG units; site.css gives <c>svg.chart text</c> the same size.</summary>
    public const double FontSize = 12;

    // Names in every script stay readable in the markup; only what HTML needs escaped is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const double Gap = 6;
    private const int BarHeight = 16;
    private const int RowHeight = 22;
    private const double MaxLabelShare = 0.4;

    /// <summary>
    /// A generous estimate of how wide <paramref name="text"/> is drawn at <paramref name="size"/>: a full em for
    /// East Asian wide characters (Han, kana, Hangul, full-width forms), and for any other letter more than the average
    /// Latin letter of the sans-serif faces the page uses.
    /// </summary>
    public static double TextWidth(string text, double size = FontSize)
    {
        var ems = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            ems += IsWide(rune.Value) ? 1.0 : 0.62;
        }

        return ems * size;
    }

    /// <summary>Horizontal bars, one per label, longest scale at the largest value.</summary>
    public static IHtmlContent Bars(string summary, IReadOnlyList<(string Label, int Value)> bars, string cssClass = "series-1")
    {
        var max = Math.Max(1, bars.Count == 0 ? 0 : bars.Max(b => b.Value));
        var labels = bars.Select(b => Fit(b.Label, Width * MaxLabelShare)).ToList();
        var labelWidth = labels.Select(l => TextWidth(l)).DefaultIfEmpty(0).Max();
        var valueWidth = TextWidth(Number(max));
        var plotLeft = labelWidth + Gap;
        var plotWidth = Width - plotLeft - Gap - valueWidth;
        var height = Math.Max(1, bars.Count) * RowHeight + Gap;
        var svg = Open(summary, Width, height, "bars");
        for (var i = 0; i < bars.Count; i++)
        {
            var value = bars[i].Value;
            var y = Gap + i * RowHeight;
            var length = value == 0 ? 0 : Math.Max(1.0, plotWidth * value / max);
            Text(svg, labelWidth, y + BarHeight * 0.78, "label end", labels[i]);
            Rect(svg, plotLeft, y, length, BarHeight, cssClass);
            Text(svg, plotLeft + length + Gap / 2, y + BarHeight * 0.78, "value", Number(value));
        }

        return Close(svg);
    }

    /// <summary>
    /// Columns side by side for each category (one per series), an optional line over them on its own scale (a running
    /// total), labels under the categories that have one wherever they fit without touching the one before (a label may
    /// have a second line after <c>\n</c>), and a legend below in rows of its own.
    /// </summary>
    public static IHtmlContent Columns(string summary, IReadOnlyList<string> ticks, IReadOnlyList<ChartSeries> series, ChartSeries? line = null)
    {
        const double top = 12;
        const double plotHeight = 150;
        var count = Math.Max(1, ticks.Count);
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var lineMax = line is null ? 0 : Math.Max(1, line.Values.DefaultIfEmpty(0).Max());
        var left = TextWidth(Number(max)) + Gap;
        var right = line is null ? Gap : TextWidth(Number(lineMax)) + Gap;
        var plotWidth = Width - left - right;
        var step = plotWidth / count;
        var baseline = top + plotHeight;
        var tickRow = baseline + 4 + FontSize + 2;
        var tickLines = ticks.Any(t => t.Contains('\n', StringComparison.Ordinal)) ? 2 : 1;

        var entries = line is null ? series.ToList() : [.. series, line];
        var legend = entries.Count > 1 ? LegendRows(entries) : [];
        var legendTop = tickRow + (tickLines - 1) * (FontSize + 2) + Gap;
        var height = legendTop + legend.Count * (FontSize + Gap) + (legend.Count > 0 ? 2 : 4);
        var svg = Open(summary, Width, height, "columns");

        Line(svg, left, baseline, left + plotWidth, baseline, "axis");
        Line(svg, left, top, left, baseline, "axis");
        Text(svg, left - Gap / 2, top + FontSize * 0.35, "value end", Number(max));
        Text(svg, left - Gap / 2, baseline, "value end", "0");

        var inner = step * 0.8 / Math.Max(1, series.Count);
        var labelledUpTo = double.NegativeInfinity;
        for (var i = 0; i < ticks.Count; i++)
        {
            var x0 = left + step * i + step * 0.1;
            for (var s = 0; s < series.Count; s++)
            {
                var value = i < series[s].Values.Count ? series[s].Values[i] : 0;
                if (value > 0)
                {
                    var h = Math.Max(1.0, plotHeight * value / max);
                    Rect(svg, x0 + inner * s, baseline - h, Math.Max(0.5, inner - (series.Count > 1 && inner > 2 ? 1 : 0)), h, series[s].CssClass);
                }
            }

            if (string.IsNullOrEmpty(ticks[i]))
            {
                continue;
            }

            // Centred under its column, moved inwards at the edges, and left out where it would touch the label before; a
            // second line (a year under a date) goes under the first.
            var label = ticks[i].Split('\n', 2).Select(l => Fit(l, Width)).ToList();
            var width = label.Max(l => TextWidth(l));
            var centre = left + step * (i + 0.5);
            var start = Math.Clamp(centre - width / 2, 0, Width - width);
            if (start < labelledUpTo + Gap * 2)
            {
                continue;
            }

            labelledUpTo = start + width;
            Line(svg, centre, baseline, centre, baseline + 4, "axis");
            for (var l = 0; l < label.Count; l++)
            {
                Text(svg, start, tickRow + l * (FontSize + 2), "tick", label[l]);
            }
        }

        if (line is not null && line.Values.Count > 0)
        {
            var points = new StringBuilder();
            for (var i = 0; i < line.Values.Count; i++)
            {
                var x = left + step * (i + 0.5);
                var y = baseline - plotHeight * line.Values[i] / lineMax;
                points.Append(F(x)).Append(',').Append(F(y)).Append(' ');
            }

            svg.Append("<polyline class=\"line ").Append(line.CssClass).Append("\" fill=\"none\" points=\"").Append(points.ToString().TrimEnd()).Append("\"/>");
            Line(svg, left + plotWidth, top, left + plotWidth, baseline, "axis");
            Text(svg, left + plotWidth + Gap / 2, top + FontSize * 0.35, "value", Number(lineMax));
        }

        for (var row = 0; row < legend.Count; row++)
        {
            var y = legendTop + row * (FontSize + Gap);
            foreach (var (entry, x, name) in legend[row])
            {
                Rect(svg, x, y, 10, 10, entry == line ? "legend-line " + entry.CssClass : entry.CssClass);
                Text(svg, x + 14, y + 10, "legend", name);
            }
        }

        return Close(svg);
    }

    /// <summary>One bar filled to the share done, with the figures written under it, on as many lines as they need.</summary>
    public static IHtmlContent Progress(string summary, int done, int total, string caption)
    {
        var lines = Wrap(caption, Width);
        var height = 24 + lines.Count * (FontSize + 4) + 6;
        var svg = Open(summary, Width, height, "progress");
        var share = total <= 0 ? 0 : Math.Min(1.0, (double)done / total);
        Rect(svg, 0.5, 0.5, Width - 1, 20, "track");
        if (share > 0)
        {
            Rect(svg, 0.5, 0.5, Math.Max(1.0, (Width - 1) * share), 20, "series-1");
        }

        for (var i = 0; i < lines.Count; i++)
        {
            Text(svg, 0, 20 + (i + 1) * (FontSize + 4), "value", lines[i]);
        }

        return Close(svg);
    }

    /// <summary>Legend entries placed left to right, a new row where the next would pass the right edge.</summary>
    private static List<List<(ChartSeries Entry, double X, string Name)>> LegendRows(IReadOnlyList<ChartSeries> entries)
    {
        var rows = new List<List<(ChartSeries, double, string)>> { new() };
        var x = 0.0;
        foreach (var entry in entries)
        {
            var name = Fit(entry.Name, Width - 14);
            var width = 14 + TextWidth(name);
            if (x > 0 && x + width > Width)
            {
                rows.Add([]);
                x = 0;
            }

            rows[^1].Add((entry, x, name));
            x += width + Gap * 3;
        }

        return rows;
    }

    /// <summary>The text broken at spaces (or anywhere, for text without them) into lines no wider than <paramref name="budget"/>.</summary>
    private static List<string> Wrap(string text, double budget)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            current.Append(rune.ToString());
            if (TextWidth(current.ToString()) <= budget)
            {
                continue;
            }

            var s = current.ToString();
            var space = s.LastIndexOf(' ');
            var cut = space > 0 ? space : s.Length - rune.Utf16SequenceLength;
            lines.Add(s[..cut].TrimEnd());
            current.Clear().Append(s[cut..].TrimStart());
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    /// <summary>The text as it is, or cut with an ellipsis to fit <paramref name="budget"/>.</summary>
    private static string Fit(string text, double budget)
    {
        if (TextWidth(text) <= budget)
        {
            return text;
        }

        var runes = text.EnumerateRunes().ToList();
        var kept = new StringBuilder();
        foreach (var rune in runes)
        {
            if (TextWidth(kept + rune.ToString() + "…") > budget)
            {
                break;
            }

            kept.Append(rune.ToString());
        }

        return kept.ToString().TrimEnd() + "…";
    }

    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0x303E or >= 0x3041 and <= 0x33FF or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF or >= 0xA000 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFD;

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
            .Append(cssClass.Split(' ').Contains("end") ? "\" text-anchor=\"end\">" : "\">")
            .Append(Encoder.Encode(text)).Append("</text>");

    private static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
