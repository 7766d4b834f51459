using ForumManager.Documents.Text;
using SkiaSharp;

namespace ForumManager.Documents.Protocol;

/// <summary>A participant on the briefing: names in Latin letters and in their own script, title, organization, an approved photo.</summary>
public sealed record BriefingPerson(string LatinName, string? NativeName, string? NativeLanguage, string? Title, string? Organization, byte[]? Photo);

/// <summary>One side of the table: its heading ("City of Kumamoto 熊本市") and its people in protocol order.</summary>
public sealed record BriefingSide(string Heading, IReadOnlyList<BriefingPerson> People);

/// <summary>An earlier meeting between the same parties: when, who, what came of it and a few words of its minutes.</summary>
public sealed record BriefingEarlier(string When, string Parties, string Outcome, string? Minutes);

/// <summary>Everything a briefing sheet prints; every heading and label already in both languages.</summary>
public sealed record BriefingData
{
    public required string Title { get; init; }
    public required string Parties { get; init; }
    public required IReadOnlyList<(string Label, string Value)> Facts { get; init; }
    public required string PeopleHeading { get; init; }
    public required IReadOnlyList<BriefingSide> Sides { get; init; }
    public required string EarlierHeading { get; init; }
    public required IReadOnlyList<BriefingEarlier> Earlier { get; init; }
    public required string NoEarlier { get; init; }
    public required string Footer { get; init; }
}

/// <summary>
/// The briefing sheet for a bilateral meeting, A4 portrait: the parties, time, room, interpreter and topic, each side's
/// people with their photos where one is approved, and the earlier meetings between the same parties with their
/// outcomes. Text wraps inside the margins and runs on to further pages; names in any script.
/// </summary>
public static class BriefingDocument
{
    private const float PointsPerMm = 72f / 25.4f;
    private static readonly float Margin = 15 * PointsPerMm;
    private static readonly SKSize Page = new(210 * PointsPerMm, 297 * PointsPerMm);
    private static readonly float PhotoWidth = 18 * PointsPerMm;
    private static readonly SKColor Ink = new(0xFF111111);
    private static readonly SKColor Muted = new(0xFF555555);
    private static readonly SKColor Accent = new(0xFF9E1B20);
    private static readonly SKColor Rule = new(0xFFBBBBBB);

    public static PdfResult Render(BriefingData data)
    {
        var missing = new List<MissingGlyph>();
        using var stream = new MemoryStream();
        int pages;
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = data.Title, Creator = "ForumManager", Producer = "ForumManager" }))
        {
            var sheet = new Sheet(document, missing, data);
            sheet.Text(data.Title, 16, Accent, bold: true);
            sheet.Text(data.Parties, 12, Ink, bold: true);
            sheet.RuleLine(Accent, 1f);
            var labelWidth = 42 * PointsPerMm;
            foreach (var (label, value) in data.Facts)
            {
                sheet.Pair(label, value, labelWidth);
            }

            sheet.Gap(4);
            sheet.Heading(data.PeopleHeading);
            foreach (var side in data.Sides)
            {
                sheet.Text(side.Heading, 10.5f, Accent, bold: true);
                foreach (var person in side.People)
                {
                    sheet.Person(person);
                }
            }

            sheet.Gap(4);
            sheet.Heading(data.EarlierHeading);
            if (data.Earlier.Count == 0)
            {
                sheet.Text(data.NoEarlier, 9.5f, Muted);
            }

            foreach (var earlier in data.Earlier)
            {
                sheet.Text($"{earlier.When} · {earlier.Parties}", 9.5f, Ink, bold: true);
                sheet.Text(earlier.Outcome, 9.5f, Ink);
                if (earlier.Minutes is { Length: > 0 } minutes)
                {
                    sheet.Text(minutes, 9f, Muted);
                }

                sheet.Gap(3);
            }

            pages = sheet.Finish();
            document.Close();
        }

        return new PdfResult(stream.ToArray(), missing, pages);
    }

    /// <summary>Writes down the page from the top margin, starting a new page (with the footer on each) when the next block does not fit.</summary>
    private sealed class Sheet(SKDocument document, List<MissingGlyph> missing, BriefingData data)
    {
        private SKCanvas? _canvas;
        private float _y;
        private int _pages;
        private float Width => Page.Width - 2 * Margin;
        private float Bottom => Page.Height - Margin - 10;

        private SKCanvas Room(float height)
        {
            if (_canvas is null || (_y + height > Bottom && _y > Margin))
            {
                if (_canvas is not null)
                {
                    EndPage();
                }

                _canvas = document.BeginPage(Page.Width, Page.Height);
                _pages++;
                _y = Margin;
            }

            return _canvas;
        }

        private void EndPage()
        {
            var footer = Paragraph.Layout($"{data.Footer} · {_pages}", Width, 7.5f, "zh-Hans");
            Draw(_canvas!, footer, Margin, Page.Height - Margin + 2, Width, Rule, "Footer", data.Footer);
            document.EndPage();
        }

        public int Finish()
        {
            Room(0);
            EndPage();
            return _pages;
        }

        public void Gap(float points) => _y += points;

        public void Text(string text, float size, SKColor color, bool bold = false, string? language = "zh-Hans")
        {
            var paragraph = Paragraph.Layout(text, Width, size, language, bold, leading: 1.35f);
            var canvas = Room(paragraph.Height);
            _y = Draw(canvas, paragraph, Margin, _y, Width, color, "Text", text) + 1;
        }

        public void Heading(string text)
        {
            Text(text, 12, Ink, bold: true);
            RuleLine(Rule, 0.6f);
        }

        public void RuleLine(SKColor color, float width)
        {
            var canvas = Room(4);
            using var paint = new SKPaint { Color = color, StrokeWidth = width, Style = SKPaintStyle.Stroke };
            canvas.DrawLine(Margin, _y + 1, Margin + Width, _y + 1, paint);
            _y += 5;
        }

        public void Pair(string label, string value, float labelWidth)
        {
            var left = Paragraph.Layout(label, labelWidth - 4, 9, "zh-Hans", bold: true);
            var right = Paragraph.Layout(value, Width - labelWidth, 10, "zh-Hans");
            var canvas = Room(Math.Max(left.Height, right.Height));
            var top = _y;
            var bottom = Math.Max(Draw(canvas, left, Margin, top, labelWidth - 4, Muted, "Label", label),
                Draw(canvas, right, Margin + labelWidth, top, Width - labelWidth, Ink, label, value));
            _y = bottom + 2;
        }

        public void Person(BriefingPerson person)
        {
            var textLeft = Margin + PhotoWidth + 4 * PointsPerMm;
            var textWidth = Margin + Width - textLeft;
            var name = Paragraph.Layout(person.LatinName, textWidth, 11, null, bold: true);
            var native = person.NativeName is null ? null : Paragraph.Layout(person.NativeName, textWidth, 11, person.NativeLanguage ?? "zh-Hans");
            var details = string.Join("\n", new[] { person.Title, person.Organization }.Where(s => !string.IsNullOrWhiteSpace(s)));
            var lines = details.Length == 0 ? null : Paragraph.Layout(details, textWidth, 9, "zh-Hans");
            var textHeight = name.Height + (native?.Height ?? 0) + (lines?.Height ?? 0);
            using var image = person.Photo is { Length: > 0 } jpeg ? SKImage.FromEncodedData(jpeg) : null;
            var photoHeight = image is null ? 0 : PhotoWidth * 4 / 3;
            var canvas = Room(Math.Max(textHeight, photoHeight) + 6);
            var top = _y + 2;
            if (image is not null)
            {
                var frame = SKRect.Create(Margin, top, PhotoWidth, photoHeight);
                canvas.DrawImage(image, frame, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
                using var paint = new SKPaint { Color = Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f, IsAntialias = true };
                canvas.DrawRect(frame, paint);
            }

            var y = Draw(canvas, name, textLeft, top, textWidth, Ink, "Name", person.LatinName);
            if (native is not null)
            {
                y = Draw(canvas, native, textLeft, y, textWidth, Ink, "Native name", person.NativeName!);
            }

            if (lines is not null)
            {
                y = Draw(canvas, lines, textLeft, y, textWidth, Muted, "Title", details);
            }

            _y = Math.Max(y, top + photoHeight) + 4;
        }

        private float Draw(SKCanvas canvas, Paragraph paragraph, float left, float top, float width, SKColor color, string field, string source)
        {
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            var bottom = paragraph.Draw(canvas, left, top, width, paint);
            foreach (var codePoint in paragraph.Missing)
            {
                missing.Add(new MissingGlyph("Briefing", field, source, codePoint));
            }

            return bottom;
        }
    }
}
