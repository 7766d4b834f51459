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

    /// <summary>Who signs, printed under the signature line; with no name the line is signed for the host.</summary>
    public string? SignatoryNameEn { get; init; }

    public string? SignatoryNameZh { get; init; }
    public string? SignatoryTitleEn { get; init; }
    public string? SignatoryTitleZh { get; init; }
}

/// <summary>
/// Bilingual visa invitation letters on the forum's letterhead, one A4 page each: the Chinese text, the delegate's
/// passport data in a two-language table, the English text, and the signature block. Every text wraps inside the
/// page's margins; a letter whose texts are too long for the page at the usual sizes is set smaller as a whole, so it
/// stays one page and nothing is cut.
/// </summary>
public static class VisaLetterDocument
{
    private const float PointsPerMm = 72f / 25.4f;
    private static readonly SKSize A4 = new(210 * PointsPerMm, 297 * PointsPerMm);
    private static readonly float Margin = 20 * PointsPerMm;
    private static readonly float FooterBottom = A4.Height - 12 * PointsPerMm;
    private static readonly SKColor Ink = new(0xFF111111);
    private static readonly SKColor Accent = new(0xFF9E1B20);
    private static readonly SKColor Rule = new(0xFFBBBBBB);

    /// <summary>The smallest scale a letter is set at; at it, the longest values every form accepts still fit one page.</summary>
    private const float SmallestScale = 0.4f;

    public static PdfResult Render(IReadOnlyList<VisaLetterData> letters)
    {
        using var stream = new MemoryStream();
        var missing = new List<MissingGlyph>();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = "Visa invitation letters / 签证邀请函", Creator = "ForumManager", Producer = "ForumManager" }))
        {
            foreach (var letter in letters)
            {
                var scale = ScaleFor(letter);
                var canvas = document.BeginPage(A4.Width, A4.Height);
                Compose(new Writer(canvas, missing, letter.Reference, letter.DelegateId, scale), letter);
                document.EndPage();
            }

            document.Close();
        }

        return new PdfResult(stream.ToArray(), missing, letters.Count);
    }

    /// <summary>The largest scale, in steps of 5 %, at which the letter ends above its footer.</summary>
    private static float ScaleFor(VisaLetterData letter)
    {
        using var recorder = new SKPictureRecorder();
        for (var scale = 1f; scale > SmallestScale; scale -= 0.05f)
        {
            var canvas = recorder.BeginRecording(SKRect.Create(A4.Width, A4.Height));
            var fits = Compose(new Writer(canvas, [], letter.Reference, letter.DelegateId, scale), letter);
            using var discarded = recorder.EndRecording();
            if (fits)
            {
                return scale;
            }
        }

        return SmallestScale;
    }

    /// <summary>Draws the letter and says whether its body ended above the footer.</summary>
    private static bool Compose(Writer writer, VisaLetterData letter)
    {
        var footerTop = ComposeFooter(writer, letter);
        var y = ComposeLetterhead(writer, letter);
        y = ComposeReference(writer, letter, y);
        y = writer.Text(ChineseBody(letter), y, 10.5f, "zh-Hans", leading: 1.45f, field: "Body");
        y = ComposeTable(writer, letter, y + writer.Gap(4));
        y = writer.Text(EnglishBody(letter), y + writer.Gap(6), 10f, "en", leading: 1.45f, field: "Body");
        y = ComposeSignature(writer, letter, y + writer.Gap(10));
        return y <= footerTop - writer.Gap(6);
    }

    private static float ComposeLetterhead(Writer writer, VisaLetterData letter)
    {
        var y = writer.Text(letter.HostZh, 14 * PointsPerMm, 16, "zh-Hans", bold: true, color: Accent, align: Align.Center);
        y = writer.Text(letter.HostEn, y + writer.Gap(2), 10.5f, "en", bold: true, color: Accent, align: Align.Center);
        y = writer.Text($"{letter.ForumNameZh} · {letter.ForumNameEn}", y + writer.Gap(2), 8.5f, "zh-Hans", align: Align.Center);
        using var paint = new SKPaint { Color = Accent, StrokeWidth = 1.2f, Style = SKPaintStyle.Stroke };
        writer.Canvas.DrawLine(Margin, y + writer.Gap(4), A4.Width - Margin, y + writer.Gap(4), paint);
        return y + writer.Gap(14);
    }

    private static float ComposeReference(Writer writer, VisaLetterData letter, float y)
    {
        var issued = $"{letter.IssuedOn.Year}年{letter.IssuedOn.Month}月{letter.IssuedOn.Day}日 / {English(letter.IssuedOn)}";
        y = writer.Text($"编号 Ref.: {letter.Reference}", y, 9.5f, "zh-Hans", align: Align.End);
        y = writer.Text(issued, y + writer.Gap(1), 9.5f, "zh-Hans", align: Align.End);
        return writer.Text("邀请函  ·  LETTER OF INVITATION", y + writer.Gap(6), 14, "zh-Hans", bold: true, align: Align.Center) + writer.Gap(6);
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
            var labelBottom = writer.Text(label, y + writer.Gap(3), 9, "zh-Hans", left: Margin, width: labelWidth - 6, field: "Label");
            var valueBottom = writer.Text(value, y + writer.Gap(3), 10, language, left: Margin + labelWidth, width: width - labelWidth, field: "Value");
            y = Math.Max(labelBottom, valueBottom) + writer.Gap(2);
            writer.Canvas.DrawLine(Margin, y, Margin + width, y, rule);
        }

        return y;
    }

    /// <summary>
    /// A line to sign on, then who signs (name and title in each language, when the organizers gave them) and the
    /// office they sign for; with no name the line is signed for the office alone.
    /// </summary>
    private static float ComposeSignature(Writer writer, VisaLetterData letter, float y)
    {
        var lines = new (string? Text, float Size, string Language, bool Bold)[]
        {
            (letter.SignatoryNameZh, 10, "zh-Hans", true),
            (letter.SignatoryTitleZh, 9.5f, "zh-Hans", false),
            (letter.SignatoryNameEn, 10, "en", true),
            (letter.SignatoryTitleEn, 9, "en", false),
            (letter.HostZh, 9.5f, "zh-Hans", false),
            (letter.HostEn, 9, "en", false),
            ($"{letter.PlaceZh} · {letter.PlaceEn}", 9, "zh-Hans", false),
        };

        // The block stands at the right in a column of 90 mm; names and titles too long for it take the page's width.
        var width = 90 * PointsPerMm;
        if (lines.Sum(l => string.IsNullOrWhiteSpace(l.Text) ? 0 : writer.Measure(l.Text, l.Size, l.Language, width)) > writer.Gap(60 * PointsPerMm))
        {
            width = A4.Width - 2 * Margin;
        }

        var left = A4.Width - Margin - width;
        using var rule = new SKPaint { Color = Ink, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke };
        y += writer.Gap(28);
        writer.Canvas.DrawLine(left, y, A4.Width - Margin, y, rule);
        y += writer.Gap(4);
        foreach (var (text, size, language, bold) in lines)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                y = writer.Text(text, y, size, language, bold: bold, left: left, width: width, field: "Signature") + writer.Gap(1);
            }
        }

        return y;
    }

    /// <summary>The reference and the forum's name at the foot of the page; returns the top of the footer.</summary>
    private static float ComposeFooter(Writer writer, VisaLetterData letter)
    {
        var text = $"{letter.Reference} · {letter.ForumNameEn}";
        var top = FooterBottom - writer.Measure(text, 7.5f, "en");
        writer.Text(text, top, 7.5f, "en", color: Rule, align: Align.Center, field: "Footer");
        return top;
    }

    private static string Chinese(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static string English(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Draws text on one letter's page, every size and gap at the letter's scale, and collects what it could not draw.</summary>
    private sealed class Writer(SKCanvas canvas, List<MissingGlyph> missing, string reference, int delegateId, float scale)
    {
        private static readonly float Width = A4.Width - 2 * Margin;

        public SKCanvas Canvas => canvas;

        public float Gap(float points) => points * scale;

        /// <summary>Text wrapped to the column (the page between its margins unless told), drawn from <paramref name="top"/>; returns the y below it.</summary>
        public float Text(string text, float top, float size, string? language, bool bold = false, SKColor? color = null, Align align = Align.Start,
            float? left = null, float? width = null, float leading = 1.3f, string field = "Line")
        {
            var column = width ?? Width;
            var paragraph = Documents.Text.Paragraph.Layout(text, column, size * scale, language, bold, leading);
            using var paint = new SKPaint { Color = color ?? Ink, IsAntialias = true };
            var bottom = paragraph.Draw(canvas, left ?? Margin, top, column, paint, align);
            foreach (var codePoint in paragraph.Missing)
            {
                missing.Add(new MissingGlyph("Visa letter " + reference, field, text, codePoint, delegateId == 0 ? null : delegateId));
            }

            return bottom;
        }

        public float Measure(string text, float size, string? language, float? width = null, float leading = 1.3f) =>
            Documents.Text.Paragraph.Layout(text, width ?? Width, size * scale, language, leading: leading).Height;
    }
}
