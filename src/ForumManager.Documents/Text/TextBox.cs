using SkiaSharp;

namespace ForumManager.Documents.Text;

public enum Align
{
    Start,
    Center,
    End,
}

/// <summary>
/// Text fitted into a box, never cut and never wider than the box: the largest size up to <c>maxSize</c> at which it
/// fits on one line; below <c>minSize</c>, up to <c>maxLines</c> lines; and if even that does not fit, as many lines
/// as it takes at a smaller size, down to a floor (<see cref="Floor"/> unless the caller asks for a higher one, as
/// the days and zones of a badge do). Only text that does not fit at the floor is taller than its box, and
/// <see cref="Height"/> says by how much, so the layout around it can make room.
/// </summary>
public sealed class TextBox
{
    /// <summary>The smallest size any text is shrunk to, in points: small print still read with the eye close.</summary>
    public const float Floor = 4f;

    private TextBox(IReadOnlyList<ShapedLine> lines) => Lines = lines;

    public IReadOnlyList<ShapedLine> Lines { get; }
    public float Size => Lines.Count == 0 ? 0 : Lines[0].Size;
    public IReadOnlyList<int> Missing => Lines.SelectMany(l => l.Missing).Distinct().ToList();

    /// <summary>The height the lines take, gaps between them included.</summary>
    public float Height => Lines.Count == 0 ? 0 : Lines.Sum(l => l.Height) + Gap(Size) * (Lines.Count - 1);

    public float Width => Lines.Count == 0 ? 0 : Lines.Max(l => l.Width);

    public static TextBox Fit(string text, float width, float height, float maxSize, float minSize, string? language = null, bool bold = false, int maxLines = 2, float? floor = null)
    {
        text = string.Join('\n', text.Trim().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0)
        {
            return new TextBox([]);
        }

        var lowest = Math.Min(floor ?? Floor, maxSize);
        minSize = Math.Clamp(minSize, lowest, maxSize);
        var given = text.Count(c => c == '\n') + 1;

        // One line per given line, as large as the box allows: a name reads best unbroken.
        const float reference = 100f;
        var probes = text.Split('\n').Select(line => ShapedLine.Shape(line, reference, language, bold)).ToList();
        var widest = probes.Max(p => p.Width);
        var tallest = probes.Sum(p => p.Height) * (1 + 0.1f * (given - 1) / given);
        var unbroken = Math.Min(widest <= 0 ? maxSize : width * reference / widest, tallest <= 0 ? maxSize : height * reference / tallest);
        if (unbroken >= minSize)
        {
            return Lay(text, width, Math.Min(unbroken * 0.995f, maxSize), language, bold);
        }

        // Then more lines, up to maxLines, at a size no smaller than minSize; then any number of lines down to the floor.
        if (Largest(text, width, height, minSize, maxSize, language, bold, Math.Max(maxLines, given)) is { } fewLines)
        {
            return fewLines;
        }

        return Largest(text, width, height, lowest, minSize, language, bold, int.MaxValue) ?? Lay(text, width, lowest, language, bold);
    }

    /// <summary>Draws the lines centred vertically in <paramref name="box"/> (from its top when they are taller), aligned as asked (start is right for right-to-left text).</summary>
    public void Draw(SKCanvas canvas, SKRect box, SKPaint paint, Align align = Align.Start)
    {
        if (Lines.Count == 0)
        {
            return;
        }

        var y = Math.Max(box.Top, box.MidY - Height / 2);
        foreach (var line in Lines)
        {
            line.Draw(canvas, Start(line, box.Left, box.Width, align), y + line.Ascent, paint);
            y += line.Height + Gap(Size);
        }
    }

    /// <summary>Where a line starts in a column, aligned as asked; start and end swap for right-to-left text.</summary>
    internal static float Start(ShapedLine line, float left, float width, Align align)
    {
        var effective = line.IsRightToLeft && align != Align.Center ? (align == Align.Start ? Align.End : Align.Start) : align;
        return effective switch
        {
            Align.Center => left + (width - line.Width) / 2,
            Align.End => left + width - line.Width,
            _ => left,
        };
    }

    private static float Gap(float size) => size * 0.1f;

    private static TextBox Lay(string text, float width, float size, string? language, bool bold) =>
        new(Paragraph.Wrap(text, width, size, language, bold));

    /// <summary>The largest size between <paramref name="low"/> and <paramref name="high"/> at which the text fits the box in at most <paramref name="maxLines"/> lines.</summary>
    private static TextBox? Largest(string text, float width, float height, float low, float high, string? language, bool bold, int maxLines)
    {
        bool Fits(TextBox box) => box.Lines.Count <= maxLines && box.Height <= height;

        var best = Lay(text, width, low, language, bold);
        if (!Fits(best))
        {
            return null;
        }

        // Height grows with size, so a bisection to a tenth of a point finds the largest that fits.
        while (high - low > 0.1f)
        {
            var middle = (low + high) / 2;
            var candidate = Lay(text, width, middle, language, bold);
            if (Fits(candidate))
            {
                best = candidate;
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return best;
    }
}
