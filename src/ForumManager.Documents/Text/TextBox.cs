using System.Globalization;
using SkiaSharp;

namespace ForumManager.Documents.Text;

public enum Align
{
    Start,
    Center,
    End,
}

/// <summary>
/// Text fitted into a box: the largest size up to <c>maxSize</c> at which it fits on one line; below
/// <c>minSize</c>, two lines broken at the space nearest the middle (or between two CJK characters); and if even
/// that does not fit, one line made as small as it must be, because a name is never cut.
/// </summary>
public sealed class TextBox
{
    private TextBox(IReadOnlyList<ShapedLine> lines) => Lines = lines;

    public IReadOnlyList<ShapedLine> Lines { get; }
    public float Size => Lines.Count == 0 ? 0 : Lines[0].Size;
    public IReadOnlyList<int> Missing => Lines.SelectMany(l => l.Missing).Distinct().ToList();

    public static TextBox Fit(string text, float width, float height, float maxSize, float minSize, string? language = null, bool bold = false, int maxLines = 2)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return new TextBox([]);
        }

        const float reference = 100f;
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            // Lines the caller broke stay broken; all of them get the size the longest allows.
            var given = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var each = given.Min(line => SizeFor(ShapedLine.Shape(line, reference, language, bold), reference, width, height / given.Length / 1.1f));
            return new TextBox(given.Select(line => ShapedLine.Shape(line, Math.Min(each, maxSize), language, bold)).ToList());
        }

        var probe = ShapedLine.Shape(text, reference, language, bold);
        var size = SizeFor(probe, reference, width, height);
        if (size >= minSize || maxLines < 2 || !TrySplit(text, out var first, out var second))
        {
            return new TextBox([ShapedLine.Shape(text, Math.Min(size, maxSize), language, bold)]);
        }

        var a = ShapedLine.Shape(first, reference, language, bold);
        var b = ShapedLine.Shape(second, reference, language, bold);
        var twoLineSize = Math.Min(SizeFor(a, reference, width, height / 2 / 1.1f), SizeFor(b, reference, width, height / 2 / 1.1f));
        if (twoLineSize <= size)
        {
            return new TextBox([ShapedLine.Shape(text, Math.Min(size, maxSize), language, bold)]);
        }

        var final = Math.Min(twoLineSize, maxSize);
        return new TextBox([ShapedLine.Shape(first, final, language, bold), ShapedLine.Shape(second, final, language, bold)]);
    }

    /// <summary>Draws the lines centred vertically in <paramref name="box"/>, aligned as asked (start is right for right-to-left text).</summary>
    public void Draw(SKCanvas canvas, SKRect box, SKPaint paint, Align align = Align.Start)
    {
        if (Lines.Count == 0)
        {
            return;
        }

        var lineGap = Size * 0.1f;
        var total = Lines.Sum(l => l.Height) + lineGap * (Lines.Count - 1);
        var y = box.MidY - total / 2;
        foreach (var line in Lines)
        {
            var effective = line.IsRightToLeft && align != Align.Center ? (align == Align.Start ? Align.End : Align.Start) : align;
            var x = effective switch
            {
                Align.Center => box.MidX - line.Width / 2,
                Align.End => box.Right - line.Width,
                _ => box.Left,
            };
            line.Draw(canvas, x, y + line.Ascent, paint);
            y += line.Height + lineGap;
        }
    }

    private static float SizeFor(ShapedLine probe, float reference, float width, float height)
    {
        var byWidth = probe.Width <= 0 ? float.MaxValue : width * reference / probe.Width;
        var byHeight = probe.Height <= 0 ? float.MaxValue : height * reference / probe.Height;
        return Math.Min(byWidth, byHeight);
    }

    private static bool TrySplit(string text, out string first, out string second)
    {
        first = second = string.Empty;
        var middle = text.Length / 2;
        var best = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && (best < 0 || Math.Abs(i - middle) < Math.Abs(best - middle)))
            {
                best = i;
            }
        }

        if (best > 0)
        {
            first = text[..best].Trim();
            second = text[(best + 1)..].Trim();
            return first.Length > 0 && second.Length > 0;
        }

        // Chinese and Japanese break between any two characters; split at the text element nearest the middle.
        var elements = StringInfo.ParseCombiningCharacters(text);
        if (elements.Length < 2 || !text.EnumerateRunes().All(r => Scripts.Of(r.Value) is Script.Han or Script.Kana or Script.Common))
        {
            return false;
        }

        var cut = elements[elements.Length / 2];
        first = text[..cut];
        second = text[cut..];
        return true;
    }
}
