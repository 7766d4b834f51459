using System.Globalization;
using System.Text;
using SkiaSharp;

namespace ForumManager.Documents.Text;

/// <summary>
/// Running text wrapped to a width: at spaces, between any two Chinese or Japanese characters, and inside a word that
/// is wider than the whole line on its own (a long name, an address without spaces), so that no line is ever wider
/// than the width it was given.
/// </summary>
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
    public float Width => Lines.Count == 0 ? 0 : Lines.Max(l => l.Width);
    public IReadOnlyList<int> Missing => Lines.SelectMany(l => l.Missing).Distinct().ToList();

    public static Paragraph Layout(string text, float width, float size, string? language = null, bool bold = false, float leading = 1.45f) =>
        new(Wrap(text, width, size, language, bold), size * leading);

    /// <summary>The lines of <paramref name="text"/> at <paramref name="size"/>, none wider than <paramref name="width"/>; a line break in the text is kept.</summary>
    public static List<ShapedLine> Wrap(string text, float width, float size, string? language = null, bool bold = false)
    {
        var lines = new List<ShapedLine>();
        foreach (var given in text.Split('\n'))
        {
            var current = new StringBuilder();
            foreach (var token in Tokens(given))
            {
                var candidate = current.ToString() + token;
                if (ShapedLine.Shape(candidate.TrimEnd(), size, language, bold).Width <= width)
                {
                    current.Append(token);
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(ShapedLine.Shape(current.ToString().Trim(), size, language, bold));
                    current.Clear();
                }

                var rest = token.TrimStart();
                if (ShapedLine.Shape(rest.TrimEnd(), size, language, bold).Width <= width)
                {
                    current.Append(rest);
                    continue;
                }

                // A word wider than the line: broken between two characters rather than drawn past the edge.
                foreach (var piece in Pieces(rest, width, size, language, bold))
                {
                    if (current.Length > 0)
                    {
                        lines.Add(ShapedLine.Shape(current.ToString().Trim(), size, language, bold));
                        current.Clear();
                    }

                    current.Append(piece);
                }
            }

            lines.Add(ShapedLine.Shape(current.ToString().Trim(), size, language, bold));
        }

        return lines;
    }

    /// <summary>Draws the lines from <paramref name="top"/> down and returns the y below the last one.</summary>
    public float Draw(SKCanvas canvas, float left, float top, float width, SKPaint paint, Align align = Align.Start)
    {
        var y = top;
        foreach (var line in Lines)
        {
            line.Draw(canvas, TextBox.Start(line, left, width, align), y + line.Size * 1.0f, paint);
            y += LineHeight;
        }

        return y;
    }

    /// <summary>The longest runs of whole text elements (a letter with its marks stays whole) that each fit the width.</summary>
    private static List<string> Pieces(string word, float width, float size, string? language, bool bold)
    {
        var pieces = new List<string>();
        var piece = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (piece.Length > 0 && ShapedLine.Shape((piece + element).TrimEnd(), size, language, bold).Width > width)
            {
                pieces.Add(piece.ToString());
                piece.Clear();
            }

            piece.Append(element);
        }

        if (piece.Length > 0)
        {
            pieces.Add(piece.ToString());
        }

        return pieces;
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
