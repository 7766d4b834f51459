using ForumManager.Documents.Qr;
using ForumManager.Documents.Text;
using SkiaSharp;

namespace ForumManager.Documents.Badges;

/// <summary>
/// Badges as one PDF: each badge composed region by region (header, names, details, QR code, category band) into a
/// rectangle, so that the A6, CR80 and four-up A4 layouts share one design.
/// </summary>
public static class BadgeDocument
{
    private const float PointsPerMm = 72f / 25.4f;
    private static readonly SKSize A6 = new(105 * PointsPerMm, 148 * PointsPerMm);
    private static readonly SKSize Cr80 = new(53.98f * PointsPerMm, 85.6f * PointsPerMm);
    private static readonly SKSize A4 = new(210 * PointsPerMm, 297 * PointsPerMm);

    /// <summary>How far every word stays from the badge's edge: 5 mm, and a little more for the printer's own margin.</summary>
    private static readonly float Safe = 6f * PointsPerMm;

    /// <summary>The smallest size of what is read at a door (days and zones), in points.</summary>
    public const float ReadAtTheDoor = 7.5f;

    public static PdfResult Render(IReadOnlyList<BadgeData> badges, BadgeLayout layout, string title = "Badges", IProgress<int>? progress = null)
    {
        using var stream = new MemoryStream();
        var missing = new List<MissingGlyph>();
        var pages = 0;
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = title, Creator = "ForumManager", Producer = "ForumManager" }))
        {
            if (layout == BadgeLayout.A4)
            {
                for (var i = 0; i < badges.Count; i += 4)
                {
                    var canvas = document.BeginPage(A4.Width, A4.Height);
                    var left = (A4.Width - 2 * A6.Width) / 2;
                    var top = (A4.Height - 2 * A6.Height) / 2;
                    for (var j = 0; j < 4 && i + j < badges.Count; j++)
                    {
                        var x = left + (j % 2) * A6.Width;
                        var y = top + (j / 2) * A6.Height;
                        Compose(canvas, SKRect.Create(x, y, A6.Width, A6.Height), badges[i + j], missing);
                    }

                    progress?.Report(Math.Min(i + 4, badges.Count));

                    ComposeCropMarks(canvas, left, top);
                    document.EndPage();
                    pages++;
                }
            }
            else
            {
                var size = layout == BadgeLayout.CR80 ? Cr80 : A6;
                foreach (var badge in badges)
                {
                    var canvas = document.BeginPage(size.Width, size.Height);
                    Compose(canvas, SKRect.Create(0, 0, size.Width, size.Height), badge, missing);
                    document.EndPage();
                    pages++;
                    progress?.Report(pages);
                }
            }

            if (pages == 0)
            {
                document.BeginPage(A6.Width, A6.Height);
                document.EndPage();
                pages = 1;
            }

            document.Close();
        }

        return new PdfResult(stream.ToArray(), missing, pages);
    }

    /// <summary>One badge inside <paramref name="area"/>; proportions follow the area, so small cards stay legible.</summary>
    private static void Compose(SKCanvas canvas, SKRect area, BadgeData badge, List<MissingGlyph> missing)
    {
        var before = missing.Count;
        ComposeRegions(canvas, area, badge, missing);
        for (var i = before; i < missing.Count; i++)
        {
            missing[i] = missing[i] with { DelegateId = badge.DelegateId == 0 ? null : badge.DelegateId };
        }
    }

    private static void ComposeRegions(SKCanvas canvas, SKRect area, BadgeData badge, List<MissingGlyph> missing)
    {
        var unit = area.Width / 100f;
        var pad = Math.Max(6 * unit, Safe);
        var inner = new SKRect(area.Left + pad, area.Top, area.Right - pad, area.Bottom);
        var h = area.Height;

        var y = area.Top + Math.Max(pad * 0.8f, Safe);
        y = ComposeHeader(canvas, new SKRect(inner.Left, y, inner.Right, y + 0.12f * h), badge, missing);
        y += 0.025f * h;

        var bandHeight = 0.11f * h;
        var band = new SKRect(area.Left, area.Bottom - bandHeight, area.Right, area.Bottom);
        var qrSide = Math.Min(0.30f * h, inner.Width * 0.46f);
        var qrTop = band.Top - pad * 0.6f - qrSide;
        var qrLeft = inner.Left - qrSide * 0.05f;
        var personBottom = qrTop - 0.01f * h;

        // Days and zones are read at a door, so they never go below ReadAtTheDoor: beside the code where that fits, otherwise
        // (a CR80 card) across the card above it, with the code centred below. Each zone is its code in a large box, the
        // legend below the days naming them.
        var readable = Math.Max(3f * unit, ReadAtTheDoor);
        var side = Math.Clamp(6.5f * unit, 16f, 24f);
        var admitsText = AdmitsText(badge, oneZonePerLine: true);
        var admitsBox = new SKRect(inner.Left + qrSide + 3 * unit, qrTop, inner.Right, band.Top - pad * 0.6f);
        var marksHeight = ZoneMarksHeight(badge.Zones.Count, admitsBox.Width, side);
        var lines = 8 + badge.Zones.Count;
        var admits = TextBox.Fit(admitsText, admitsBox.Width, admitsBox.Height - marksHeight, Math.Max(5f * unit, readable), readable, maxLines: lines, floor: ReadAtTheDoor);
        var admitsAlign = Align.Start;
        if (admits.Height + marksHeight > admitsBox.Height + 0.5f)
        {
            // Across a small card the legend takes what room the person's lines can give: both languages, or English
            // alone, or none (the codes stay, as large as ever).
            marksHeight = ZoneMarksHeight(badge.Zones.Count, inner.Width, side);
            foreach (var legend in new[] { Legend.Both, Legend.English, Legend.None })
            {
                admitsText = AdmitsText(badge, oneZonePerLine: false, legend);
                admits = TextBox.Fit(admitsText, inner.Width, inner.Height, readable, readable, maxLines: lines, floor: ReadAtTheDoor);
                if (badge.Zones.Count == 0 || admits.Height + marksHeight <= 0.22f * h)
                {
                    break;
                }
            }

            admitsBox = new SKRect(inner.Left, personBottom - admits.Height - marksHeight, inner.Right, personBottom);
            personBottom = admitsBox.Top - 0.01f * h;
            qrLeft = inner.MidX - qrSide / 2;
            admitsAlign = Align.Center;
        }

        ComposePerson(canvas, ComposePhoto(canvas, new SKRect(inner.Left, y, inner.Right, personBottom), badge), h, badge, missing);
        QrCodeVector.Draw(canvas, badge.Token, qrLeft, qrTop, qrSide);
        ComposeZoneMarks(canvas, badge.Zones, new SKRect(admitsBox.Left, admitsBox.Top, admitsBox.Right, admitsBox.Top + marksHeight), side, admitsAlign, missing);
        Draw(canvas, admits, new SKRect(admitsBox.Left, admitsBox.Top + marksHeight, admitsBox.Right, admitsBox.Bottom), Ink, admitsAlign, "Admits", admitsText, missing);
        ComposeBand(canvas, band, area, badge, unit, missing);
    }

    /// <summary>The days, then the legend of the zones: each on its own line beside the code, or one paragraph across a card.</summary>
    private static string AdmitsText(BadgeData badge, bool oneZonePerLine, Legend legend = Legend.Both)
    {
        if (badge.Zones.Count == 0 || legend == Legend.None)
        {
            return badge.Admits;
        }

        var lines = badge.Zones.Select(z => legend == Legend.Both ? $"{z.Code} {z.NameEn} {z.NameZh}" : $"{z.Code} {z.NameEn}");
        return badge.Admits + "\n" + string.Join(oneZonePerLine ? "\n" : " · ", lines);
    }

    private enum Legend
    {
        Both,
        English,
        None,
    }

    /// <summary>How tall the rows of zone boxes are in a width, with the gap below them; nothing for no zones.</summary>
    private static float ZoneMarksHeight(int count, float width, float side)
    {
        if (count == 0)
        {
            return 0;
        }

        var gap = side * 0.25f;
        var perRow = Math.Max(1, (int)((width + gap) / (side + gap)));
        var rows = (count + perRow - 1) / perRow;
        return rows * side + rows * gap;
    }

    /// <summary>Each zone's code in white on a dark box, large enough to read at a door; rows wrap within the region.</summary>
    private static void ComposeZoneMarks(SKCanvas canvas, IReadOnlyList<BadgeZoneMark> zones, SKRect region, float side, Align align, List<MissingGlyph> missing)
    {
        if (zones.Count == 0)
        {
            return;
        }

        var gap = side * 0.25f;
        var perRow = Math.Max(1, (int)((region.Width + gap) / (side + gap)));
        using var fill = new SKPaint { Color = Ink, IsAntialias = true, Style = SKPaintStyle.Fill };
        for (var i = 0; i < zones.Count; i++)
        {
            var row = i / perRow;
            var inRow = Math.Min(perRow, zones.Count - row * perRow);
            var rowWidth = inRow * side + (inRow - 1) * gap;
            var left = align == Align.Center ? region.MidX - rowWidth / 2 : region.Left;
            var box = SKRect.Create(left + (i % perRow) * (side + gap), region.Top + row * (side + gap), side, side);
            canvas.DrawRoundRect(box, side * 0.12f, side * 0.12f, fill);
            var inside = SKRect.Inflate(box, -side * 0.08f, -side * 0.04f);
            Draw(canvas, TextBox.Fit(zones[i].Code, inside.Width, inside.Height, side * 0.7f, ReadAtTheDoor, bold: true, maxLines: 1), inside, White, Align.Center, "ZoneCode", zones[i].Code, missing);
        }
    }

    private static float ComposeHeader(SKCanvas canvas, SKRect box, BadgeData badge, List<MissingGlyph> missing)
    {
        var markSide = box.Height;
        using (var fill = new SKPaint { Color = Accent, IsAntialias = true })
        {
            canvas.DrawCircle(box.Left + markSide / 2, box.MidY, markSide / 2, fill);
        }

        using (var ring = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = markSide * 0.04f })
        {
            canvas.DrawCircle(box.Left + markSide / 2, box.MidY, markSide * 0.38f, ring);
        }

        var markBox = SKRect.Create(box.Left + markSide * 0.2f, box.Top + markSide * 0.2f, markSide * 0.6f, markSide * 0.6f);
        Draw(canvas, TextBox.Fit(badge.ForumMark, markBox.Width, markBox.Height, markSide * 0.3f, 1, bold: true, maxLines: 1), markBox, White, Align.Center, "Mark", badge.ForumMark, missing);

        // The two names share the header as a stack, so a long name in one language takes room from the other or is set
        // smaller, and never runs into the other name or the person below.
        var textLeft = box.Left + markSide * 1.15f;
        var names = TextStack.Fit(
        [
            new StackItem(badge.ForumNameEn, box.Height * 0.55f, box.Height * 0.22f, box.Height * 0.14f, "en", Bold: true),
            new StackItem(badge.ForumNameZh, box.Height * 0.45f, box.Height * 0.3f, box.Height * 0.15f, "zh-Hans"),
        ], box.Right - textLeft, box.Height);
        var y = box.Top;
        foreach (var name in names)
        {
            var line = new SKRect(textLeft, y, box.Right, y + name.Height);
            Draw(canvas, name.Box, line, Accent, Align.Start, "ForumName", name.Item.Text, missing);
            y = line.Bottom;
        }

        return box.Bottom;
    }

    /// <summary>
    /// The names and the details below them, in one column that ends above the QR code. A name written only in Latin
    /// letters is printed once, as the delegate wrote it; a name in another script is printed large with the Latin
    /// name below it.
    /// </summary>
    private static void ComposePerson(SKCanvas canvas, SKRect column, float h, BadgeData badge, List<MissingGlyph> missing)
    {
        var native = badge.NativeName?.Trim();
        var hasNative = !string.IsNullOrEmpty(native) && !string.Equals(native, badge.LatinName.Trim(), StringComparison.OrdinalIgnoreCase);
        var secondName = hasNative && !Scripts.IsLatinOnly(native!);
        var fields = new List<(string Field, string Text, SKColor Color, StackItem Item)>
        {
            ("Name", hasNative ? native! : badge.LatinName, Ink, new StackItem(hasNative ? native! : badge.LatinName, 0.16f * h, 0.1f * h, 0.06f * h, hasNative ? badge.NativeLanguage : "en", Bold: true)),
        };
        if (secondName)
        {
            fields.Add(("LatinName", badge.LatinName, Ink, new StackItem(badge.LatinName, 0.055f * h, 0.045f * h, 0.03f * h, "en", MaxLines: 1)));
        }

        var gapAfterNames = 0.01f * h;
        foreach (var (field, text, height) in new[]
        {
            ("Position", badge.HonorificAndPosition, 0.045f),
            ("Organization", badge.Organization, 0.06f),
            ("Delegation", badge.Delegation, 0.045f),
        })
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                fields.Add((field, text, Muted, new StackItem(text, height * h, 0.032f * h, 0.022f * h)));
            }
        }

        // The reference is small print: for the desk and the organizers' files, not for the person at the door.
        if (!string.IsNullOrWhiteSpace(badge.Reference))
        {
            fields.Add(("Reference", badge.Reference, Muted, new StackItem(badge.Reference, 0.03f * h, 0.024f * h, 0.018f * h, "en")));
        }

        var stacked = TextStack.Fit(fields.Select(f => f.Item).ToList(), column.Width, column.Height - gapAfterNames);
        var y = column.Top;
        for (var i = 0; i < stacked.Count; i++)
        {
            var (field, text, color, _) = fields[i];
            var box = new SKRect(column.Left, y, column.Right, y + stacked[i].Height);
            Draw(canvas, stacked[i].Box, box, color, Align.Center, field, text, missing);
            y = box.Bottom + (field == "Name" && !secondName || field == "LatinName" ? gapAfterNames : 0);
        }
    }

    /// <summary>
    /// The approved photo at the start of the person's column, 3:4, as tall as the column allows and never wider than about a
    /// third of it; the names and details take the rest. The JPEG goes into the PDF as it is (one image per photo). Without a
    /// photo the column is left whole, and the badge looks as it did before photos.
    /// </summary>
    private static SKRect ComposePhoto(SKCanvas canvas, SKRect column, BadgeData badge)
    {
        if (badge.Photo is not { Length: > 0 } jpeg || column.Height <= 0)
        {
            return column;
        }

        using var image = SKImage.FromEncodedData(jpeg);
        if (image is null)
        {
            return column;
        }

        var width = Math.Min(column.Width * 0.36f, column.Height * 0.75f);
        var photo = SKRect.Create(column.Left, column.Top, width, width * 4 / 3);
        canvas.DrawImage(image, photo, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        using (var frame = new SKPaint { Color = Muted, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f, IsAntialias = true })
        {
            canvas.DrawRect(photo, frame);
        }

        var gap = Math.Max(2 * PointsPerMm, column.Width * 0.03f);
        return new SKRect(photo.Right + gap, column.Top, column.Right, column.Bottom);
    }

    private static void ComposeBand(SKCanvas canvas, SKRect band, SKRect area, BadgeData badge, float unit, List<MissingGlyph> missing)
    {
        var (argb, en, zh) = BadgeCategories.Of(badge.Category);
        using (var fill = new SKPaint { Color = new SKColor(argb), Style = SKPaintStyle.Fill })
        {
            canvas.DrawRect(band, fill);
        }

        var word = $"{zh}  {en}";
        // The band is printed to the edge; its word stays clear of the edge by the margin every word keeps.
        var inset = Math.Max(4 * unit, Safe);
        // Chinese faces reach further below the baseline than their metrics say, by about a fifth of the size.
        var largest = band.Height * 0.4f;
        var box = new SKRect(band.Left + inset, band.Top + band.Height * 0.12f, band.Right - inset, Math.Min(band.Bottom - band.Height * 0.15f, area.Bottom - Safe - 0.2f * largest));
        Draw(canvas, TextBox.Fit(word, box.Width, box.Height, largest, band.Height * 0.25f, "zh-Hans", bold: true, maxLines: 1), box, White, Align.Center, "Category", word, missing);
    }

    /// <summary>Short marks where the four badges on an A4 sheet are to be cut, kept to the sheet's margins and centre.</summary>
    private static void ComposeCropMarks(SKCanvas canvas, float left, float top)
    {
        using var paint = new SKPaint { Color = SKColors.Black, StrokeWidth = 0.3f, Style = SKPaintStyle.Stroke };
        var mark = 4 * PointsPerMm;
        var midX = left + A6.Width;
        var midY = top + A6.Height;
        canvas.DrawLine(midX, 0, midX, mark, paint);
        canvas.DrawLine(midX, A4.Height - mark, midX, A4.Height, paint);
        canvas.DrawLine(0, midY, mark, midY, paint);
        canvas.DrawLine(A4.Width - mark, midY, A4.Width, midY, paint);
        canvas.DrawLine(midX - mark / 2, midY, midX + mark / 2, midY, paint);
        canvas.DrawLine(midX, midY - mark / 2, midX, midY + mark / 2, paint);
    }

    private static readonly SKColor Ink = new(0xFF111111);
    private static readonly SKColor Muted = new(0xFF3A3A3A);
    private static readonly SKColor Accent = new(0xFF9E1B20);
    private static readonly SKColor White = SKColors.White;

    private static void Draw(SKCanvas canvas, TextBox text, SKRect box, SKColor color, Align align, string field, string source, List<MissingGlyph> missing)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        text.Draw(canvas, box, paint, align);
        foreach (var codePoint in text.Missing)
        {
            missing.Add(new MissingGlyph("Badge", field, source, codePoint));
        }
    }
}
