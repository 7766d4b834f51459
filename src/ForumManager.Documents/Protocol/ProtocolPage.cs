using ForumManager.Documents.Text;
using SkiaSharp;

namespace ForumManager.Documents.Protocol;

/// <summary>What the protocol documents share: paper sizes, colours, and drawing a fitted text while noting what no font could draw.</summary>
internal static class ProtocolPage
{
    public const float PointsPerMm = 72f / 25.4f;
    public static readonly SKSize A4Landscape = new(297 * PointsPerMm, 210 * PointsPerMm);
    public static readonly SKSize A3Landscape = new(420 * PointsPerMm, 297 * PointsPerMm);

    public static readonly SKColor Ink = new(0xFF111111);
    public static readonly SKColor Muted = new(0xFF4A4A4A);
    public static readonly SKColor Accent = new(0xFF9E1B20);
    public static readonly SKColor Rule = new(0xFFBBBBBB);
    public static readonly SKColor Shade = new(0xFFF2F2F2);
    public static readonly SKColor Held = new(0xFFFFF1C2);

    public static SKDocument Pdf(Stream stream, string title) =>
        SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = title, Creator = "ForumManager", Producer = "ForumManager" });

    /// <summary>Draws <paramref name="text"/> fitted into <paramref name="box"/>; each character no font has is noted under <paramref name="document"/> and <paramref name="field"/>.</summary>
    public static void Draw(SKCanvas canvas, TextBox text, SKRect box, SKColor color, Align align, string document, string field, string source, List<MissingGlyph> missing)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        text.Draw(canvas, box, paint, align);
        foreach (var codePoint in text.Missing)
        {
            missing.Add(new MissingGlyph(document, field, source, codePoint));
        }
    }

    /// <summary>One line of text as large as fits <paramref name="box"/> up to <paramref name="size"/>, drawn there.</summary>
    public static void Line(SKCanvas canvas, string text, SKRect box, float size, SKColor color, Align align, string document, string field, List<MissingGlyph> missing, bool bold = false, string? language = "zh-Hans", int maxLines = 1)
    {
        if (string.IsNullOrWhiteSpace(text) || box.Width <= 0 || box.Height <= 0)
        {
            return;
        }

        Draw(canvas, TextBox.Fit(text, box.Width, box.Height, size, Math.Min(size, 6f), language, bold, maxLines), box, color, align, document, field, text, missing);
    }

    /// <summary>
    /// The heading of a page: the session in both languages, then what the document is with the room and time; returns
    /// the y below its rule.
    /// </summary>
    public static float Heading(SKCanvas canvas, ProtocolHeading heading, string what, SKRect area, string document, List<MissingGlyph> missing)
    {
        var titleBox = new SKRect(area.Left, area.Top, area.Right, area.Top + 22);
        Line(canvas, $"{heading.SessionEn} · {heading.SessionZh}", titleBox, 16, Accent, Align.Start, document, "Title", missing, bold: true);
        var subtitle = new SKRect(area.Left, titleBox.Bottom + 2, area.Right, titleBox.Bottom + 16);
        Line(canvas, string.Join(" · ", new[] { what, heading.Room, heading.When }.Where(s => !string.IsNullOrWhiteSpace(s))), subtitle, 10, Ink, Align.Start, document, "Subtitle", missing);
        using var rule = new SKPaint { Color = Accent, StrokeWidth = 1f, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(area.Left, subtitle.Bottom + 4, area.Right, subtitle.Bottom + 4, rule);
        return subtitle.Bottom + 10;
    }

    /// <summary>The forum's name and the page number at the foot of the page.</summary>
    public static void Footer(SKCanvas canvas, ProtocolHeading heading, int page, int pages, SKRect area, string document, List<MissingGlyph> missing)
    {
        var box = new SKRect(area.Left, area.Bottom - 10, area.Right, area.Bottom);
        Line(canvas, $"{heading.ForumEn} · {heading.ForumZh} · {page} / {pages}", box, 7.5f, Muted, Align.Start, document, "Footer", missing);
    }
}
