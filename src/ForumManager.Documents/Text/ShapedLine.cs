using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace ForumManager.Documents.Text;

/// <summary>
/// One line of text shaped by HarfBuzz: split into runs that each use one typeface, each run shaped in its own
/// direction, the runs placed in visual order (right to left when the line's first strong character is). The PDF
/// keeps each run's text and clusters, so the name a reader copies out is the name that was drawn.
/// </summary>
public sealed class ShapedLine
{
    private readonly List<Run> runs;

    private ShapedLine(List<Run> runs, float size, float ascent, float descent, IReadOnlyList<int> missing)
    {
        this.runs = runs;
        Size = size;
        Ascent = ascent;
        Descent = descent;
        Missing = missing;
        Width = runs.Sum(r => r.Width);
    }

    public float Size { get; }
    public float Width { get; }

    /// <summary>Distance above the baseline, a positive number.</summary>
    public float Ascent { get; }

    public float Descent { get; }
    public float Height => Ascent + Descent;

    /// <summary>Code points no installed font can draw; they are left out of the drawing.</summary>
    public IReadOnlyList<int> Missing { get; }

    public bool IsRightToLeft { get; private init; }

    public static ShapedLine Shape(string text, float size, string? language = null, bool bold = false, FontChain? fonts = null)
    {
        fonts ??= FontChain.Shared;
        var pieces = Segment(text, language, bold, fonts, out var missing, out var rtl);
        var runs = new List<Run>(pieces.Count);
        float ascent = 0, descent = 0;
        foreach (var (face, piece) in pieces)
        {
            var run = ShapeRun(face, piece, size, language);
            runs.Add(run);
            ascent = Math.Max(ascent, run.Ascent);
            descent = Math.Max(descent, run.Descent);
        }

        if (runs.Count == 0)
        {
            var face = fonts.Default(bold);
            using var font = new SKFont(face, size);
            ascent = -font.Metrics.Ascent;
            descent = font.Metrics.Descent;
        }

        if (rtl)
        {
            runs.Reverse();
        }

        return new ShapedLine(runs, size, ascent, descent, missing) { IsRightToLeft = rtl };
    }

    /// <summary>Draws the line with its baseline at <paramref name="baseline"/>, starting at <paramref name="left"/>.</summary>
    public void Draw(SKCanvas canvas, float left, float baseline, SKPaint paint)
    {
        var x = left;
        foreach (var run in runs)
        {
            if (run.Glyphs.Length > 0)
            {
                using var font = new SKFont(run.Face, Size) { Subpixel = true, LinearMetrics = true };
                using var builder = new SKTextBlobBuilder();
                var buffer = builder.AllocatePositionedTextRun(font, run.Glyphs.Length, run.Utf8.Length, null);
                run.Glyphs.CopyTo(buffer.Glyphs);
                buffer.SetPositions(run.Points);
                buffer.SetText(run.Utf8);
                buffer.SetClusters(run.Clusters);
                using var blob = builder.Build();
                if (blob is not null)
                {
                    canvas.DrawText(blob, x, baseline, paint);
                }
            }

            x += run.Width;
        }
    }

    private static Run ShapeRun(SKTypeface face, string text, float size, string? language)
    {
        using var font = new SKFont(face, size) { Subpixel = true, LinearMetrics = true };
        var shaper = Shapers.For(face);
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf8(utf8);
        if (!string.IsNullOrEmpty(language))
        {
            buffer.Language = new HarfBuzzSharp.Language(language);
        }

        buffer.GuessSegmentProperties();
        var result = shaper.Shape(buffer, font);
        var glyphs = new ushort[result.Codepoints.Length];
        for (var i = 0; i < glyphs.Length; i++)
        {
            glyphs[i] = (ushort)result.Codepoints[i];
        }

        return new Run(face, glyphs, result.Points, result.Clusters, utf8, result.Width, -font.Metrics.Ascent, font.Metrics.Descent);
    }

    /// <summary>Splits text into pieces of one typeface each; characters of no script stay with the piece around them.</summary>
    private static List<(SKTypeface Face, string Text)> Segment(string text, string? language, bool bold, FontChain fonts, out IReadOnlyList<int> missing, out bool rtl)
    {
        var pieces = new List<(SKTypeface, string)>();
        var missed = new List<int>();
        SKTypeface? current = null;
        var piece = new StringBuilder();
        bool? firstStrongRtl = null;
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            var c = char.ConvertToUtf32(text, i);
            var script = Scripts.Of(c);
            if (script != Script.Common && firstStrongRtl is null)
            {
                firstStrongRtl = Scripts.IsRightToLeft(script);
            }

            if (Scripts.IsIgnorable(c) || System.Text.Rune.IsControl(new System.Text.Rune(c)))
            {
                // Joiners and variation selectors belong to the shaping of the run they are in; controls are dropped.
                if (current is not null && !System.Text.Rune.IsControl(new System.Text.Rune(c)))
                {
                    piece.Append(char.ConvertFromUtf32(c));
                }

                continue;
            }

            SKTypeface? face;
            if (script == Script.Common && current is not null && Glyphs.Has(current, c))
            {
                face = current;
            }
            else
            {
                face = fonts.For(c, language, bold);
            }

            if (face is null)
            {
                if (!missed.Contains(c))
                {
                    missed.Add(c);
                }

                continue;
            }

            if (current is not null && !ReferenceEquals(face, current) && piece.Length > 0)
            {
                pieces.Add((current, piece.ToString()));
                piece.Clear();
            }

            current = face;
            piece.Append(char.ConvertFromUtf32(c));
        }

        if (current is not null && piece.Length > 0)
        {
            pieces.Add((current, piece.ToString()));
        }

        missing = missed;
        rtl = firstStrongRtl ?? false;
        return pieces;
    }

    private sealed record Run(SKTypeface Face, ushort[] Glyphs, SKPoint[] Points, uint[] Clusters, byte[] Utf8, float Width, float Ascent, float Descent);
}

/// <summary>One HarfBuzz shaper per typeface for the life of the process; shaping with it is thread-safe.</summary>
internal static class Shapers
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<SKTypeface, SKShaper> ByFace = new();

    public static SKShaper For(SKTypeface face) => ByFace.GetOrAdd(face, f => new SKShaper(f));
}
