using System.Text;
using SkiaSharp;

namespace ForumManager.Documents.Text;

/// <summary>Running text wrapped to a width: at spaces, and between any two Chinese or Japanese characters.</summary>
public sealed class Paragraph
{
    private Paragraph(IReadOnlyList<ShapedLine> lines, float lineHeight)
    {
        Lines = lines;
        LineHeight = lineHeight;
    }

    public IReadOnlyList<ShapedLine> Lines { get; }
    public float LineHeight { get; }
    public float Height => Lines.Count * LineHeight;
    public IReadOnlyList<int> Missing => Lines.SelectMany(l => l.Missing).Distinct().ToList();

    public static Paragraph Layout(string text, float width, float size, string? language = null, bool bold = false, float leading = 1.45f)
    {
        var lines = new List<ShapedLine>();
        foreach (var given in text.Split('\n'))
        {
            var tokens = Tokens(given);
            var current = new StringBuilder();
            foreach (var token in tokens)
            {
                var candidate = current.ToString() + token;
                if (current.Length > 0 && ShapedLine.Shape(candidate.TrimEnd(), size, language, bold).Width > width)
                {
                    lines.Add(ShapedLine.Shape(current.ToString().Trim(), size, language, bold));
                    current.Clear();
                    current.Append(token.TrimStart());
                }
                else
                {
                    current.Append(token);
                }
            }

            lines.Add(ShapedLine.Shape(current.ToString().Trim(), size, language, bold));
        }

        return new Paragraph(lines, size * leading);
    }

    /// <summary>Draws the lines from <paramref name="top"/> down and returns the y below the last one.</summary>
    public float Draw(SKCanvas canvas, float left, float top, float width, SKPaint paint)
    {
        var y = top;
        foreach (var line in Lines)
        {
            var x = line.IsRightToLeft ? left + width - line.Width : left;
            line.Draw(canvas, x, y + line.Size * 1.0f, paint);
            y += LineHeight;
        }

        return y;
    }

    /// <summary>Words with the spaces after them; each CJK character on its own.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            var script = Scripts.Of(rune.Value);
            if (script is Script.Han or Script.Kana)
            {
                if (word.Length > 0)
                {
                    tokens.Add(word.ToString());
                    word.Clear();
                }

                tokens.Add(rune.ToString());
                continue;
            }

            word.Append(rune.ToString());
            if (rune.Value == ' ')
            {
                tokens.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
        }

        return tokens;
    }
}
