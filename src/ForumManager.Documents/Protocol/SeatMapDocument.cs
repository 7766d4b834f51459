using ForumManager.Core.Protocol;
using ForumManager.Documents.Text;
using SkiaSharp;
using static ForumManager.Documents.Protocol.ProtocolPage;

namespace ForumManager.Documents.Protocol;

public enum SeatMapPaper
{
    A3 = 0,
    A4 = 1,
}

/// <summary>
/// The seat map of one session, landscape, drawn from the layout's own map: tables as circles, squares, a U or rows, each
/// seat a box with the person's name in their own script and in Latin letters, shrunk to fit the box. A room that does not
/// fit one page at a readable scale gets an overview (every table, its seats as dots, and the page it is drawn on) and then
/// one page per group of tables at that scale.
/// </summary>
public static class SeatMapDocument
{
    private const string Name = "SeatMap";

    /// <summary>Points per seat width on a detail page: a seat's box is about this wide, enough for a name at 8 points and up.</summary>
    private static float Readable(SeatMapPaper paper) => paper == SeatMapPaper.A3 ? 62f : 46f;

    public static PdfResult Render(PrintedSeating plan, SeatMapPaper paper = SeatMapPaper.A3)
    {
        var size = paper == SeatMapPaper.A3 ? A3Landscape : A4Landscape;
        var margin = 12 * PointsPerMm;
        var area = new SKRect(margin, margin, size.Width - margin, size.Height - margin);
        var missing = new List<MissingGlyph>();
        var scale = Readable(paper);

        // The content's height is the page's less the heading (about 48 points) and the footer.
        var content = new SKRect(area.Left, area.Top + 48, area.Right, area.Bottom - 16);
        // A little smaller than readable where that puts a whole extra row or column of tables on each page.
        var (groups, chosen) = new[] { scale, scale * 0.9f, scale * 0.8f }
            .Select(s => (Groups: Groups(plan, content, s), Scale: s))
            .MinBy(g => g.Groups.Count * 1.15f - g.Scale / scale);
        scale = chosen;
        var overview = groups.Count > 1;
        var pages = groups.Count + (overview ? 1 : 0);
        var pageOf = new Dictionary<int, int>();
        for (var i = 0; i < groups.Count; i++)
        {
            foreach (var table in groups[i])
            {
                pageOf[table.Table] = i + 1 + (overview ? 1 : 0);
            }
        }

        var seated = plan.Seated.Where(s => !s.Behind).GroupBy(s => (s.Table, s.Seat)).ToDictionary(g => g.Key, g => g.First().Person);
        var behind = plan.Seated.Where(s => s.Behind).GroupBy(s => (s.Table, s.Seat)).ToDictionary(g => g.Key, g => g.First().Person);
        var reserved = plan.Reserved.GroupBy(r => (r.Table, r.Seat)).ToDictionary(g => g.Key, g => g.First());
        var seatsOf = plan.Map.Seats.ToLookup(s => s.Table);

        using var stream = new MemoryStream();
        using (var document = Pdf(stream, $"{plan.Heading.SessionEn} · Seat map"))
        {
            var page = 0;
            if (overview)
            {
                var canvas = document.BeginPage(size.Width, size.Height);
                page++;
                var top = Heading(canvas, plan.Heading, "Seat map · 座位图 — overview 总览", area, Name, missing);
                ComposeOverview(canvas, plan, new SKRect(content.Left, top, content.Right, content.Bottom), seated, reserved, pageOf, missing);
                Footer(canvas, plan.Heading, page, pages, area, Name, missing);
                document.EndPage();
            }

            foreach (var group in groups)
            {
                var canvas = document.BeginPage(size.Width, size.Height);
                page++;
                var what = overview ? $"Seat map · 座位图 — {Range(plan.Shape, group)}" : "Seat map · 座位图";
                var top = Heading(canvas, plan.Heading, what, area, Name, missing);
                ComposeGroup(canvas, plan, group, new SKRect(content.Left, top, content.Right, content.Bottom), scale, seatsOf, seated, behind, reserved, missing);
                Footer(canvas, plan.Heading, page, pages, area, Name, missing);
                document.EndPage();
            }

            if (pages == 0)
            {
                var canvas = document.BeginPage(size.Width, size.Height);
                Heading(canvas, plan.Heading, "Seat map · 座位图", area, Name, missing);
                document.EndPage();
                pages = 1;
            }

            document.Close();
        }

        return new PdfResult(stream.ToArray(), missing, pages);
    }

    private static string Range(LayoutShape shape, IReadOnlyList<TableSpot> group) =>
        group.Count == 1
            ? $"{SeatWords.TableEn(shape, group[0].Table)} {SeatWords.TableZh(shape, group[0].Table)}"
            : $"{SeatWords.TableEn(shape, group.Min(t => t.Table))}–{group.Max(t => t.Table)} · {SeatWords.TableZh(shape, group.Min(t => t.Table))}至{SeatWords.TableZh(shape, group.Max(t => t.Table))}";

    /// <summary>How big a seat's box is, in seat widths: rows stand 1.5 apart and give a taller box than the seats round a table.</summary>
    private static SKSize SeatBox(TableKind kind) => kind is TableKind.Row or TableKind.Head ? new SKSize(0.94f, 1.3f) : new SKSize(0.94f, 0.68f);

    /// <summary>What a table takes on the map, its seats' boxes and its label included, in seat widths.</summary>
    private static SKRect Footprint(TableSpot table, IEnumerable<SeatSpot> seats)
    {
        var box = SeatBox(table.Kind);
        var rect = SKRect.Create((float)(table.X - table.Width / 2), (float)(table.Y - table.Height / 2), (float)table.Width, (float)table.Height);
        foreach (var seat in seats)
        {
            rect.Union(new SKRect((float)seat.X - box.Width / 2, (float)seat.Y - box.Height / 2, (float)seat.X + box.Width / 2, (float)seat.Y + box.Height / 2));
        }

        if (table.Kind is TableKind.Row or TableKind.Head)
        {
            // The row's name stands in the margin at its left.
            rect.Left = Math.Min(rect.Left, (float)(table.X - table.Width / 2) - 1f);
        }

        return rect;
    }

    /// <summary>
    /// The tables of each detail page: the map cut into windows as large as a page holds at the readable scale, each table
    /// on the page of the window its centre falls in. Tables come in the order of their numbers.
    /// </summary>
    private static List<List<TableSpot>> Groups(PrintedSeating plan, SKRect content, float scale)
    {
        // A room wider than the page at the readable scale (rows of thirty) is drawn a little smaller rather than cut
        // through its rows; the pages then hold as many rows as fit at that scale.
        if (plan.Map.Tables.Any(t => t.Kind == TableKind.Row))
        {
            scale = Math.Max(scale * 0.55f, Math.Min(scale, content.Width / (float)plan.Map.Width));
        }

        var windowWidth = content.Width / scale;
        var windowHeight = (content.Height - 4) / scale;
        return plan.Map.Tables
            .GroupBy(t => ((int)Math.Floor(t.Y / windowHeight), (int)Math.Floor(t.X / windowWidth)))
            .OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Item2)
            .Select(g => g.OrderBy(t => t.Table).ToList())
            .ToList();
    }

    private static void ComposeGroup(
        SKCanvas canvas, PrintedSeating plan, List<TableSpot> group, SKRect content, float readable, ILookup<int, SeatSpot> seatsOf,
        Dictionary<(int, int), ProtocolPerson> seated, Dictionary<(int, int), ProtocolPerson> behind, Dictionary<(int, int), ReservedMark> reserved,
        List<MissingGlyph> missing)
    {
        var bounds = Footprint(group[0], seatsOf[group[0].Table]);
        foreach (var table in group.Skip(1))
        {
            bounds.Union(Footprint(table, seatsOf[table.Table]));
        }

        // A group wider than the page (a row of sixty) is drawn smaller rather than cut.
        var scale = Math.Min(readable, Math.Min(content.Width / bounds.Width, content.Height / bounds.Height));
        var left = content.MidX - bounds.Width * scale / 2 - bounds.Left * scale;
        var top = content.Top - bounds.Top * scale;
        SKPoint At(double x, double y) => new(left + (float)x * scale, top + (float)y * scale);

        foreach (var table in group)
        {
            ComposeTable(canvas, plan.Shape, table, At, scale, missing, labels: true);
            var box = SeatBox(table.Kind);
            foreach (var seat in seatsOf[table.Table])
            {
                var centre = At(seat.X, seat.Y);
                var rect = SKRect.Create(centre.X - box.Width * scale / 2, centre.Y - box.Height * scale / 2, box.Width * scale, box.Height * scale);
                ComposeSeat(canvas, rect, seat, seated.GetValueOrDefault((seat.Table, seat.Seat)), behind.GetValueOrDefault((seat.Table, seat.Seat)),
                    reserved.GetValueOrDefault((seat.Table, seat.Seat)), missing);
            }
        }
    }

    /// <summary>The table's shape, and its name in both languages inside it (a row's at its left).</summary>
    private static void ComposeTable(SKCanvas canvas, LayoutShape shape, TableSpot table, Func<double, double, SKPoint> at, float scale, List<MissingGlyph> missing, bool labels)
    {
        using var fill = new SKPaint { Color = Shade, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var edge = new SKPaint { Color = Muted, Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, IsAntialias = true };
        var centre = at(table.X, table.Y);
        var en = SeatWords.TableEn(shape, table.Table);
        var zh = SeatWords.TableZh(shape, table.Table);
        switch (table.Kind)
        {
            case TableKind.Round:
            {
                var radius = (float)(table.Width / 2 - 0.62) * scale;
                canvas.DrawCircle(centre, radius, fill);
                canvas.DrawCircle(centre, radius, edge);
                var inside = SKRect.Create(centre.X - radius * 0.7f, centre.Y - radius * 0.5f, radius * 1.4f, radius);
                if (labels)
                {
                    Line(canvas, $"{table.Table}\n{en}\n{zh}", inside, radius * 0.45f, Ink, Align.Center, Name, "Table", missing, bold: true, maxLines: 3);
                }

                break;
            }

            case TableKind.Square:
            case TableKind.U:
            {
                var half = (float)(table.Width / 2 - 0.6) * scale;
                var rect = new SKRect(centre.X - half, centre.Y - half, centre.X + half, centre.Y + half);
                canvas.DrawRect(rect, fill);
                if (table.Kind == TableKind.U)
                {
                    // Open at the bottom, towards the screen.
                    canvas.DrawLine(rect.Left, rect.Bottom, rect.Left, rect.Top, edge);
                    canvas.DrawLine(rect.Left, rect.Top, rect.Right, rect.Top, edge);
                    canvas.DrawLine(rect.Right, rect.Top, rect.Right, rect.Bottom, edge);
                }
                else
                {
                    canvas.DrawRect(rect, edge);
                }

                if (labels)
                {
                    var inside = SKRect.Inflate(rect, -rect.Width * 0.2f, -rect.Height * 0.3f);
                    Line(canvas, $"{en}\n{zh}", inside, Math.Min(18, inside.Height * 0.4f), Ink, Align.Center, Name, "Table", missing, bold: true, maxLines: 2);
                }

                break;
            }

            default:
            {
                // A row (or the head table): a band behind its seats and its name in the margin at its left.
                var rect = SKRect.Create(centre.X - (float)table.Width / 2 * scale, centre.Y - 0.3f * scale, (float)table.Width * scale, 0.6f * scale);
                canvas.DrawRect(rect, fill);
                if (labels)
                {
                    var label = SKRect.Create(rect.Left - 0.98f * scale, centre.Y - 0.6f * scale, 0.94f * scale, 1.2f * scale);
                    Line(canvas, $"{en}\n{zh}", label, 10, Ink, Align.End, Name, "Table", missing, bold: true, maxLines: 2);
                }

                break;
            }
        }
    }

    /// <summary>A seat: its number (and what it is held for) small at the top, then the names; an empty seat shows its number alone.</summary>
    private static void ComposeSeat(SKCanvas canvas, SKRect rect, SeatSpot seat, ProtocolPerson? person, ProtocolPerson? behind, ReservedMark? held, List<MissingGlyph> missing)
    {
        using (var fill = new SKPaint { Color = held is not null ? Held : SKColors.White, Style = SKPaintStyle.Fill, IsAntialias = true })
        {
            canvas.DrawRoundRect(rect, 2, 2, fill);
        }

        using (var edge = new SKPaint { Color = person is null ? Rule : Ink, Style = SKPaintStyle.Stroke, StrokeWidth = person is null ? 0.5f : 0.7f, IsAntialias = true })
        {
            canvas.DrawRoundRect(rect, 2, 2, edge);
        }

        var inner = SKRect.Inflate(rect, -Math.Min(2.5f, rect.Width * 0.05f), -Math.Min(1.5f, rect.Height * 0.04f));
        var strip = new SKRect(inner.Left, inner.Top, inner.Right, inner.Top + inner.Height * (person is null ? 0.45f : 0.24f));
        var label = seat.Seat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (held is not null)
        {
            var (en, zh) = SeatWords.Purpose(held.Purpose);
            label += $" {en} {zh}";
        }

        Line(canvas, label, strip, Math.Min(7f, strip.Height), held is not null ? Accent : Muted, Align.Start, Name, "Seat", missing, bold: held is not null);
        if (person is null && behind is null)
        {
            if (held?.Note is { Length: > 0 } note)
            {
                Line(canvas, note, new SKRect(inner.Left, strip.Bottom, inner.Right, inner.Bottom), 7f, Muted, Align.Center, Name, "Note", missing, maxLines: 2);
            }

            return;
        }

        var items = new List<(StackItem Item, string Field, SKColor Color)>();
        var names = new SKRect(inner.Left, strip.Bottom, inner.Right, inner.Bottom);
        var h = names.Height;
        if (person is not null)
        {
            if (person.OwnScript is { } own)
            {
                items.Add((new StackItem(own, h * 0.42f, 13f, 6f, person.NativeLanguage, Bold: true), "NativeName", Ink));
                items.Add((new StackItem(person.LatinName, h * 0.5f, 8f, 4.5f, "en"), "LatinName", Ink));
            }
            else
            {
                items.Add((new StackItem(person.LatinName, h * 0.86f, 10f, 5.5f, "en", Bold: true), "LatinName", Ink));
            }
        }

        if (behind is not null)
        {
            // A consecutive interpreter on a chair behind the seat.
            items.Add((new StackItem("+ " + (behind.OwnScript ?? behind.LatinName), h * 0.2f, 6f, 4f, behind.NativeLanguage), "Behind", Muted));
        }

        var stacked = TextStack.Fit(items.Select(i => i.Item).ToList(), names.Width, names.Height);
        var used = stacked.Sum(s => s.Height);
        var y = names.Top + Math.Max(0, (names.Height - used) / 2);
        for (var i = 0; i < stacked.Count; i++)
        {
            var box = new SKRect(names.Left, y, names.Right, y + stacked[i].Height);
            Draw(canvas, stacked[i].Box, box, items[i].Color, Align.Center, Name, items[i].Field, items[i].Item.Text, missing);
            y = box.Bottom;
        }
    }

    /// <summary>The height of one row's name on the overview, a line at the smallest print size.</summary>
    private const float RowLabelHeight = 8f;

    /// <summary>Every table at a scale that fits the page: the seats as dots (filled when taken, tinted when held), each table's number and the page it is drawn on.</summary>
    private static void ComposeOverview(
        SKCanvas canvas, PrintedSeating plan, SKRect content, Dictionary<(int, int), ProtocolPerson> seated, Dictionary<(int, int), ReservedMark> reserved,
        Dictionary<int, int> pageOf, List<MissingGlyph> missing)
    {
        var bounds = SKRect.Create(0, 0, (float)plan.Map.Width, (float)plan.Map.Height);
        foreach (var table in plan.Map.Tables)
        {
            bounds.Union(Footprint(table, plan.Map.Seats.Where(s => s.Table == table.Table && table.Kind is not TableKind.Round)));
        }

        var legendHeight = 14f;
        var area = new SKRect(content.Left, content.Top, content.Right, content.Bottom - legendHeight);
        var scale = Math.Min(area.Width / bounds.Width, area.Height / bounds.Height);
        var left = area.MidX - bounds.Width * scale / 2 - bounds.Left * scale;
        var top = area.Top - bounds.Top * scale;
        SKPoint At(double x, double y) => new(left + (float)x * scale, top + (float)y * scale);

        using var taken = new SKPaint { Color = Ink, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var held = new SKPaint { Color = Accent, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var free = new SKPaint { Color = Muted, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f, IsAntialias = true };
        var dot = Math.Clamp(scale * 0.28f, 0.8f, 5f);
        var (lastPage, lastLabelBottom) = (0, float.MinValue);
        foreach (var table in plan.Map.Tables)
        {
            ComposeTable(canvas, plan.Shape, table, At, scale, missing, labels: false);
            var centre = At(table.X, table.Y);
            var page = pageOf.GetValueOrDefault(table.Table);
            if (table.Kind == TableKind.Round)
            {
                var radius = (float)(table.Width / 2 - 0.62) * scale;
                var inside = SKRect.Create(centre.X - radius * 0.72f, centre.Y - radius * 0.6f, radius * 1.44f, radius * 1.2f);
                Line(canvas, $"{table.Table}\np. {page}", inside, radius * 0.6f, Ink, Align.Center, Name, "Table", missing, bold: true, maxLines: 2);
            }
            else
            {
                var label = SKRect.Create(centre.X - (float)table.Width / 2 * scale - 0.98f * scale, centre.Y - 0.6f * scale, 0.94f * scale, 1.2f * scale);
                if (table.Kind is TableKind.Square or TableKind.U)
                {
                    var half = (float)(table.Width / 2 - 0.6) * scale;
                    label = SKRect.Inflate(new SKRect(centre.X - half, centre.Y - half, centre.X + half, centre.Y + half), -half * 0.3f, -half * 0.5f);
                }
                else if (label.Height < RowLabelHeight)
                {
                    // Rows too thin to name each (hundreds of them): the first row of each page is named, in the room left of the
                    // rows, clear of the last name and inside the drawing.
                    if (page == lastPage || centre.Y - RowLabelHeight / 2 < lastLabelBottom || centre.Y + RowLabelHeight / 2 > area.Bottom)
                    {
                        continue;
                    }

                    label = new SKRect(Math.Max(content.Left, label.Right - 93), centre.Y - RowLabelHeight / 2, label.Right - 3, centre.Y + RowLabelHeight / 2);
                    (lastPage, lastLabelBottom) = (page, label.Bottom);
                }

                Line(canvas, $"{SeatWords.TableEn(plan.Shape, table.Table)} · p. {page}", label, 9, Ink, Align.End, Name, "Table", missing, maxLines: 2);
            }
        }

        foreach (var seat in plan.Map.Seats)
        {
            var centre = At(seat.X, seat.Y);
            var key = (seat.Table, seat.Seat);
            canvas.DrawCircle(centre, dot, reserved.ContainsKey(key) ? held : seated.ContainsKey(key) ? taken : free);
        }

        var legend = new SKRect(content.Left, content.Bottom - legendHeight + 2, content.Right, content.Bottom);
        Line(canvas, "● taken 已安排 · red: reserved 红色：预留 · ○ free 空座 · p. = page 页", legend, 8, Muted, Align.Start, Name, "Legend", missing);
    }
}
