using ForumManager.Documents.Text;
using SkiaSharp;

namespace ForumManager.Documents.Lists;

/// <summary>A column: its heading (both languages, "房号 Room") and its share of the page's width.</summary>
public sealed record ListColumn(string Heading, float Width);

/// <summary>A cell's text and, for a name in its own script, the language that picks the typeface.</summary>
public sealed record ListCell(string Text, string? Language = null)
{
    public static implicit operator ListCell(string? text) => new(text ?? string.Empty);
}

/// <summary>
/// A row. <paramref name="Group"/> draws a stronger rule where it changes (a room, a vehicle); <paramref name="Mark"/>
/// flags the row at its left edge (new, changed, cancelled) for lists sent again.
/// </summary>
public sealed record ListRow(IReadOnlyList<ListCell> Cells, int Group = 0, string? Mark = null, bool Struck = false);

public sealed record ListData
{
    public required string Title { get; init; }
    public IReadOnlyList<string> Subtitles { get; init; } = [];
    public required IReadOnlyList<ListColumn> Columns { get; init; }
    public required IReadOnlyList<ListRow> Rows { get; init; }

    /// <summary>Printed at the foot of every page, with the page number.</summary>
    public required string Footer { get; init; }

    public bool Landscape { get; init; } = true;
}

/// <summary>
/// Working lists for people outside the office, printed: a hotel's rooming list, a vehicle's manifest. One table over as
/// many A4 pages as it needs, with the heading repeated, cells wrapped (never cut) and names in any script.
/// </summary>
public static class ListDocument
{
    private const float PointsPerMm = 72f / 25.4f;
    private static readonly float Margin = 12 * PointsPerMm;
    private static readonly float MarkWidth = 16 * PointsPerMm;
    private static readonly float FooterBottom = 8 * PointsPerMm;
    private const float TextSize = 9f;
    private const float Padding = 3f;
    private static readonly SKColor Ink = new(0xFF111111);
    private static readonly SKColor Accent = new(0xFF9E1B20);
    private static readonly SKColor Rule = new(0xFFBBBBBB);
    private static readonly SKColor Shade = new(0xFFEFEFEF);
    private static readonly SKColor MarkShade = new(0xFFFFF1C2);

    public static PdfResult Render(ListData list)
    {
        var page = list.Landscape ? new SKSize(297 * PointsPerMm, 210 * PointsPerMm) : new SKSize(210 * PointsPerMm, 297 * PointsPerMm);
        var hasMarks = list.Rows.Any(r => r.Mark is not null);
        var tableLeft = Margin + (hasMarks ? MarkWidth : 0);
        var tableWidth = page.Width - Margin - tableLeft;
        var total = list.Columns.Sum(c => c.Width);
        var widths = list.Columns.Select(c => c.Width / total * tableWidth).ToArray();
        var missing = new List<MissingGlyph>();
        var pages = 0;

        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = list.Title, Creator = "ForumManager", Producer = "ForumManager" }))
        {
            var rowIndex = 0;
            do
            {
                var canvas = document.BeginPage(page.Width, page.Height);
                pages++;
                var writer = new Writer(canvas, missing, list.Title, page.Width - 2 * Margin);
                var footer = $"{list.Footer} · {pages}";
                var footerTop = page.Height - FooterBottom - writer.Measure(footer, 7.5f);
                var bottom = footerTop - 4;
                var y = pages == 1 ? ComposeTitle(writer, list, page.Width) : Margin;
                y = ComposeHeader(writer, list.Columns, widths, tableLeft, tableWidth, y);
                var lastGroup = rowIndex < list.Rows.Count ? list.Rows[rowIndex].Group : 0;
                var drawn = 0;
                while (rowIndex < list.Rows.Count)
                {
                    var row = list.Rows[rowIndex];
                    var cells = row.Cells.Select((cell, i) => Paragraph.Layout(cell.Text.ReplaceLineEndings(" "), widths[i] - 2 * Padding, TextSize, cell.Language)).ToList();
                    var height = cells.Max(c => c.Height) + 2 * Padding;

                    // A row that does not fit goes to the next page, unless it is the page's first: then it is drawn
                    // as it is rather than never (a row taller than a page needs a note of 500 characters in a narrow column).
                    if (y + height > bottom && drawn > 0)
                        break;
                    drawn++;

                    using (var rule = new SKPaint { Color = row.Group != lastGroup ? Ink : Rule, StrokeWidth = row.Group != lastGroup ? 0.9f : 0.4f, Style = SKPaintStyle.Stroke })
                        canvas.DrawLine(tableLeft, y, tableLeft + tableWidth, y, rule);
                    lastGroup = row.Group;
                    if (row.Mark is not null)
                    {
                        using var shade = new SKPaint { Color = MarkShade, Style = SKPaintStyle.Fill };
                        canvas.DrawRect(new SKRect(Margin, y, tableLeft + tableWidth, y + height), shade);
                        writer.Draw(Paragraph.Layout(row.Mark, MarkWidth - 2, 7.5f, bold: true), Margin + 1, y + Padding, MarkWidth - 2, Accent, "Mark", row.Mark);
                    }

                    var x = tableLeft;
                    for (var i = 0; i < cells.Count; i++)
                    {
                        writer.Draw(cells[i], x + Padding, y + Padding, widths[i] - 2 * Padding, row.Struck ? Rule : Ink, list.Columns[i].Heading, row.Cells[i].Text);
                        x += widths[i];
                    }

                    if (row.Struck)
                    {
                        using var strike = new SKPaint { Color = Ink, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke };
                        canvas.DrawLine(tableLeft, y + height / 2, tableLeft + tableWidth, y + height / 2, strike);
                    }

                    y += height;
                    rowIndex++;
                }

                using (var rule = new SKPaint { Color = Ink, StrokeWidth = 0.9f, Style = SKPaintStyle.Stroke })
                    canvas.DrawLine(tableLeft, y, tableLeft + tableWidth, y, rule);
                writer.Line(footer, footerTop, 7.5f, Rule);
                document.EndPage();
            }
            while (rowIndex < list.Rows.Count);

            document.Close();
        }

        return new PdfResult(stream.ToArray(), missing, pages);
    }

    private static float ComposeTitle(Writer writer, ListData list, float pageWidth)
    {
        var y = writer.Line(list.Title, Margin, 14, Accent, bold: true);
        foreach (var subtitle in list.Subtitles)
            y = writer.Line(subtitle, y + 2, 9.5f, Ink);
        using var rule = new SKPaint { Color = Accent, StrokeWidth = 1f, Style = SKPaintStyle.Stroke };
        writer.Canvas.DrawLine(Margin, y + 4, pageWidth - Margin, y + 4, rule);
        return y + 10;
    }

    private static float ComposeHeader(Writer writer, IReadOnlyList<ListColumn> columns, float[] widths, float left, float width, float y)
    {
        var headings = columns.Select((c, i) => Paragraph.Layout(c.Heading, widths[i] - 2 * Padding, 8, "zh-Hans", bold: true)).ToList();
        var height = headings.Max(h => h.Height) + 2 * Padding;
        using (var shade = new SKPaint { Color = Shade, Style = SKPaintStyle.Fill })
            writer.Canvas.DrawRect(new SKRect(left, y, left + width, y + height), shade);
        var x = left;
        for (var i = 0; i < headings.Count; i++)
        {
            writer.Draw(headings[i], x + Padding, y + Padding, widths[i] - 2 * Padding, Ink, "Heading", columns[i].Heading);
            x += widths[i];
        }

        return y + height;
    }

    /// <summary>Draws on one page; titles and the footer wrap between the page's margins like the cells do.</summary>
    private sealed class Writer(SKCanvas canvas, List<MissingGlyph> missing, string document, float width)
    {
        public SKCanvas Canvas => canvas;

        public void Draw(Paragraph paragraph, float left, float top, float width, SKColor color, string field, string source)
        {
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            paragraph.Draw(canvas, left, top, width, paint);
            foreach (var codePoint in paragraph.Missing)
                missing.Add(new MissingGlyph(document, field, source, codePoint));
        }

        public float Line(string text, float top, float size, SKColor color, bool bold = false)
        {
            var paragraph = Paragraph.Layout(text, width, size, "zh-Hans", bold, leading: 1.3f);
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            var bottom = paragraph.Draw(canvas, Margin, top, width, paint);
            foreach (var codePoint in paragraph.Missing)
                missing.Add(new MissingGlyph(document, "Title", text, codePoint));
            return bottom;
        }

        public float Measure(string text, float size) => Paragraph.Layout(text, width, size, "zh-Hans", leading: 1.3f).Height;
    }
}
