using System.Globalization;
using ForumManager.Documents.Text;
using SkiaSharp;

namespace ForumManager.Documents.Letters;

/// <summary>What a visa invitation letter states. Dates arrive as dates; the document writes them in each language.</summary>
public sealed record VisaLetterData
{
    /// <summary>Whose letter this is, so a character that could not be drawn is reported without the person's name.</summary>
    public int DelegateId { get; init; }

    public required string Reference { get; init; }
    public required DateOnly IssuedOn { get; init; }
    public required string HostEn { get; init; }
    public required string HostZh { get; init; }
    public required string ForumNameEn { get; init; }
    public required string ForumNameZh { get; init; }
    public required string PlaceEn { get; init; }
    public required string PlaceZh { get; init; }
    public required DateOnly ForumStart { get; init; }
    public required DateOnly ForumEnd { get; init; }
    public required DateOnly StayFrom { get; init; }
    public required DateOnly StayTo { get; init; }
    public required string LatinName { get; init; }
    public string? NativeName { get; init; }
    public string? NativeLanguage { get; init; }
    public string? SexEn { get; init; }
    public string? SexZh { get; init; }
    public string? DateOfBirth { get; init; }
    public required string NationalityEn { get; init; }
    public required string NationalityZh { get; init; }
    public string? PassportNumber { get; init; }
    public DateOnly? PassportExpiry { get; init; }
    public string? Position { get; init; }
    public string? Organization { get; init; }
    public required string SignatoryEn { get; init; }
    public required string SignatoryZh { get; init; }
}

/// <summary>
/// Bilingual visa invitation letters on the forum's letterhead, one A4 page each: the Chinese text, the delegate's
/// passport data in a two-language table, the English text, and the signature block.
/// </summary>
public static class VisaLetterDocument
{
    private const float PointsPerMm = 72f / 25.4f;
    private static readonly SKSize A4 = new(210 * PointsPerMm, 297 * PointsPerMm);
    private static readonly float Margin = 20 * PointsPerMm;
    private static readonly SKColor Ink = new(0xFF111111);
    private static readonly SKColor Accent = new(0xFF9E1B20);
    private static readonly SKColor Rule = new(0xFFBBBBBB);

    public static PdfResult Render(IReadOnlyList<VisaLetterData> letters)
    {
        using var stream = new MemoryStream();
        var missing = new List<MissingGlyph>();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = "Visa invitation letters / 签证邀请函", Creator = "ForumManager", Producer = "ForumManager" }))
        {
            foreach (var letter in letters)
            {
                var canvas = document.BeginPage(A4.Width, A4.Height);
                var writer = new Writer(canvas, missing, letter.Reference, letter.DelegateId);
                var y = ComposeLetterhead(writer, letter);
                y = ComposeReference(writer, letter, y);
                y = writer.Paragraph(ChineseBody(letter), y, 10.5f, "zh-Hans");
                y = ComposeTable(writer, letter, y + 4);
                y = writer.Paragraph(EnglishBody(letter), y + 6, 10f, "en");
                ComposeSignature(writer, letter, y + 10);
                ComposeFooter(writer, letter);
                document.EndPage();
            }

            document.Close();
        }

        return new PdfResult(stream.ToArray(), missing, letters.Count);
    }

    private static float ComposeLetterhead(Writer writer, VisaLetterData letter)
    {
        var top = 14 * PointsPerMm;
        var y = writer.Line(letter.HostZh, top, 16, "zh-Hans", bold: true, color: Accent, align: Align.Center);
        y = writer.Line(letter.HostEn, y + 2, 10.5f, "en", bold: true, color: Accent, align: Align.Center);
        y = writer.Line($"{letter.ForumNameZh} · {letter.ForumNameEn}", y + 2, 8.5f, "zh-Hans", color: Ink, align: Align.Center);
        using var paint = new SKPaint { Color = Accent, StrokeWidth = 1.2f, Style = SKPaintStyle.Stroke };
        writer.Canvas.DrawLine(Margin, y + 4, A4.Width - Margin, y + 4, paint);
        return y + 14;
    }

    private static float ComposeReference(Writer writer, VisaLetterData letter, float y)
    {
        var issued = $"{letter.IssuedOn.Year}年{letter.IssuedOn.Month}月{letter.IssuedOn.Day}日 / {English(letter.IssuedOn)}";
        y = writer.Line($"编号 Ref.: {letter.Reference}", y, 9.5f, "zh-Hans", align: Align.End);
        y = writer.Line(issued, y + 1, 9.5f, "zh-Hans", align: Align.End);
        return writer.Line("邀请函  ·  LETTER OF INVITATION", y + 6, 14, "zh-Hans", bold: true, align: Align.Center) + 6;
    }

    private static string ChineseBody(VisaLetterData l) =>
        $"中华人民共和国驻{l.NationalityZh}使（领）馆：\n" +
        $"{l.HostZh}谨邀请下列人员于{Chinese(l.StayFrom)}至{Chinese(l.StayTo)}来华，出席{Chinese(l.ForumStart)}至{Chinese(l.ForumEnd)}在{l.PlaceZh}举行的{l.ForumNameZh}。请贵馆为其办理赴华签证为盼。";

    private static string EnglishBody(VisaLetterData l) =>
        $"To the Embassy or Consulate-General of the People's Republic of China in {l.NationalityEn}:\n" +
        $"The {l.HostEn} has the honour to invite the person named above to visit China from {English(l.StayFrom)} to {English(l.StayTo)} " +
        $"to attend the {l.ForumNameEn}, held in {l.PlaceEn} from {English(l.ForumStart)} to {English(l.ForumEnd)}. " +
        "We should be grateful if you would issue the appropriate visa.";

    private static float ComposeTable(Writer writer, VisaLetterData l, float y)
    {
        var rows = new List<(string Label, string Value, string? Language)>
        {
            ("姓名 Name", l.LatinName, "en"),
        };
        if (!string.IsNullOrWhiteSpace(l.NativeName))
        {
            rows.Add(("本国文字姓名 Name in own script", l.NativeName, l.NativeLanguage));
        }

        if (l.SexEn is not null)
        {
            rows.Add(("性别 Sex", $"{l.SexZh} {l.SexEn}", "zh-Hans"));
        }

        rows.Add(("出生日期 Date of birth", l.DateOfBirth ?? "—", "en"));
        rows.Add(("国籍 Nationality", $"{l.NationalityZh} {l.NationalityEn}", "zh-Hans"));
        rows.Add(("护照号码 Passport number", l.PassportNumber ?? "—", "en"));
        rows.Add(("护照有效期至 Passport valid until", l.PassportExpiry is { } expiry ? expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—", "en"));
        if (!string.IsNullOrWhiteSpace(l.Position))
        {
            rows.Add(("职务 Position", l.Position, null));
        }

        if (!string.IsNullOrWhiteSpace(l.Organization))
        {
            rows.Add(("工作单位 Organization", l.Organization, null));
        }

        rows.Add(("在华停留 Stay in China", $"{l.StayFrom:yyyy-MM-dd} – {l.StayTo:yyyy-MM-dd}", "en"));
        rows.Add(("访问事由 Purpose of visit", "出席论坛 Attending the forum", "zh-Hans"));

        var labelWidth = 62 * PointsPerMm;
        var width = A4.Width - 2 * Margin;
        using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        writer.Canvas.DrawLine(Margin, y, Margin + width, y, rule);
        foreach (var (label, value, language) in rows)
        {
            var labelBox = Paragraph.Layout(label, labelWidth - 6, 9, "zh-Hans");
            var valueBox = Paragraph.Layout(value, width - labelWidth, 10, language);
            writer.Draw(labelBox, Margin, y + 3, labelWidth - 6, Ink, "Label", label);
            writer.Draw(valueBox, Margin + labelWidth, y + 3, width - labelWidth, Ink, "Value", value);
            y += Math.Max(labelBox.Height, valueBox.Height) + 5;
            writer.Canvas.DrawLine(Margin, y, Margin + width, y, rule);
        }

        return y;
    }

    private static void ComposeSignature(Writer writer, VisaLetterData letter, float y)
    {
        var right = A4.Width - Margin;
        var left = right - 90 * PointsPerMm;
        using var rule = new SKPaint { Color = Ink, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke };
        y += 28;
        writer.Canvas.DrawLine(left, y, right, y, rule);
        y = writer.Line(letter.HostZh, y + 4, 9.5f, "zh-Hans", left: left, align: Align.Start);
        y = writer.Line(letter.SignatoryZh, y + 1, 9.5f, "zh-Hans", left: left, align: Align.Start);
        y = writer.Line(letter.SignatoryEn, y + 1, 9, "en", left: left, align: Align.Start);
        writer.Line($"{letter.PlaceZh} · {letter.PlaceEn}", y + 1, 9, "zh-Hans", left: left, align: Align.Start);
    }

    private static void ComposeFooter(Writer writer, VisaLetterData letter)
    {
        writer.Line($"{letter.Reference} · {letter.ForumNameEn}", A4.Height - 14 * PointsPerMm, 7.5f, "en", color: Rule, align: Align.Center);
    }

    private static string Chinese(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static string English(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Draws text on one letter's page and collects what it could not draw.</summary>
    private sealed class Writer(SKCanvas canvas, List<MissingGlyph> missing, string reference, int delegateId)
    {
        public SKCanvas Canvas => canvas;

        public float Paragraph(string text, float top, float size, string language)
        {
            var width = A4.Width - 2 * Margin;
            var paragraph = Text.Paragraph.Layout(text, width, size, language);
            return Draw(paragraph, Margin, top, width, Ink, "Body", text);
        }

        public float Draw(Paragraph paragraph, float left, float top, float width, SKColor color, string field, string source)
        {
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            var bottom = paragraph.Draw(canvas, left, top, width, paint);
            Report(paragraph.Missing, field, source);
            return bottom;
        }

        public float Line(string text, float top, float size, string language, bool bold = false, SKColor? color = null, Align align = Align.Start, float? left = null)
        {
            var line = ShapedLine.Shape(text, size, language, bold);
            var start = left ?? Margin;
            var x = align switch
            {
                Align.Center => (A4.Width - line.Width) / 2,
                Align.End => A4.Width - Margin - line.Width,
                _ => start,
            };
            using var paint = new SKPaint { Color = color ?? Ink, IsAntialias = true };
            line.Draw(canvas, x, top + line.Ascent, paint);
            Report(line.Missing, "Line", text);
            return top + line.Height;
        }

        private void Report(IReadOnlyList<int> codePoints, string field, string source)
        {
            foreach (var codePoint in codePoints)
            {
                missing.Add(new MissingGlyph("Visa letter " + reference, field, source, codePoint, delegateId == 0 ? null : delegateId));
            }
        }
    }
}
