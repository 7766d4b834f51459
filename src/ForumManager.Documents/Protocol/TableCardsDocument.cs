using ForumManager.Core.Protocol;
using ForumManager.Documents.Text;
using SkiaSharp;
using static ForumManager.Documents.Protocol.ProtocolPage;

namespace ForumManager.Documents.Protocol;

/// <summary>
/// A tent card for each table of a session (<see cref="TentCard"/>): the table's number large, its name in both languages
/// ("Table 5 / 第5桌"), the session, and the names of those at it when asked for.
/// </summary>
public static class TableCardsDocument
{
    private const string Name = "TableCards";

    public static PdfResult Render(PrintedSeating plan, bool withNames)
    {
        var people = plan.Seated.Where(s => !s.Behind).ToLookup(s => s.Table);
        var tables = plan.Map.Tables.OrderBy(t => t.Table)
            .Select(t => (t.Table, Names: withNames ? people[t.Table].OrderBy(s => s.Seat).Select(s => s.Person).ToList() : []));
        return TentCard.Print($"{plan.Heading.SessionEn} · Table cards", tables,
            (canvas, face, table, missing) => ComposeFace(canvas, face, plan, table.Table, table.Names, missing));
    }

    private static void ComposeFace(SKCanvas canvas, SKRect face, PrintedSeating plan, int table, IReadOnlyList<ProtocolPerson> names, List<MissingGlyph> missing)
    {
        // The head table has no number: its name takes the number's place.
        var mark = table == 0 ? SeatWords.TableZh(plan.Shape, 0) : table.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var numberBox = new SKRect(face.Left, face.Top, face.Left + face.Width * 0.34f, face.Bottom);
        Line(canvas, mark, numberBox, 190f, Accent, Align.Center, Name, "Number", missing, bold: true, maxLines: 2);

        var right = new SKRect(numberBox.Right + 8 * PointsPerMm, face.Top, face.Right, face.Bottom);
        var h = right.Height;
        var items = new List<(StackItem Item, string Field, SKColor Color)>
        {
            (new StackItem($"{SeatWords.TableEn(plan.Shape, table)} / {SeatWords.TableZh(plan.Shape, table)}", (names.Count > 0 ? 0.26f : 0.42f) * h, 40f, 16f, "zh-Hans", Bold: true, MaxLines: 1), "Table", Ink),
            (new StackItem(plan.Heading.SessionEn, 0.14f * h, 16f, 8f, "en"), "Session", Muted),
            (new StackItem(plan.Heading.SessionZh, 0.14f * h, 16f, 8f, "zh-Hans"), "Session", Muted),
        };
        if (names.Count > 0)
        {
            // One line a person, each in the typeface of their own script's language.
            foreach (var n in names)
            {
                var line = n.OwnScript is { } own ? $"{n.LatinName}  {own}" : n.LatinName;
                items.Add((new StackItem(line, 0.46f * h / names.Count, 11f, 4f, n.NativeLanguage ?? "en", MaxLines: 1), "Names", Ink));
            }
        }

        var stacked = TextStack.Fit(items.Select(i => i.Item).ToList(), right.Width, right.Height);
        var used = stacked.Sum(s => s.Height);
        var y = right.Top + Math.Max(0, (right.Height - used) / 2);
        for (var i = 0; i < stacked.Count; i++)
        {
            var box = new SKRect(right.Left, y, right.Right, y + stacked[i].Height);
            Draw(canvas, stacked[i].Box, box, items[i].Color, Align.Start, Name, items[i].Field, items[i].Item.Text, missing);
            y = box.Bottom;
        }
    }
}
