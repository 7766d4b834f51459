using ForumManager.Documents.Lists;

namespace ForumManager.Documents.Protocol;

/// <summary>
/// The list for the door: everyone seated, in the alphabetical order of their Latin family name, with the name in their own
/// script, their delegation and their seat in both languages; A4 portrait over as many pages as it takes, the heading
/// repeated on each (the list engine's).
/// </summary>
public static class SeatingListDocument
{
    public static PdfResult Render(PrintedSeating plan)
    {
        var rows = plan.Seated
            .OrderBy(s => s.Person.SortKey, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.Person.LatinName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.Table).ThenBy(s => s.Seat)
            .Select(s => new ListRow(
            [
                s.Person.LatinName,
                new ListCell(s.Person.OwnScript ?? string.Empty, s.Person.NativeLanguage),
                s.Person.Place,
                SeatWords.SeatEn(plan.Shape, s.Table, s.Seat) + (s.Behind ? " (behind)" : string.Empty) + "\n" + SeatWords.SeatZh(plan.Shape, s.Table, s.Seat) + (s.Behind ? "（后排）" : string.Empty),
            ], Group: char.ToUpperInvariant(s.Person.SortKey.FirstOrDefault(' '))))
            .ToList();

        var list = new ListData
        {
            Title = $"{plan.Heading.SessionEn} · {plan.Heading.SessionZh}",
            Subtitles = [string.Join(" · ", new[] { "Seating list 座位名单", plan.Heading.Room, plan.Heading.When }.Where(s => !string.IsNullOrWhiteSpace(s)))],
            Columns =
            [
                new ListColumn("Name 姓名", 28),
                new ListColumn("Own script 本国文字", 20),
                new ListColumn("Delegation 代表团", 24),
                new ListColumn("Seat 座位", 28),
            ],
            Rows = rows,
            Footer = $"{plan.Heading.ForumEn} · {plan.Heading.ForumZh} · {rows.Count}",
            Landscape = false,
        };
        return ListDocument.Render(list);
    }
}
