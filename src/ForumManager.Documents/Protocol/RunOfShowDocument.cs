using ForumManager.Documents.Lists;

namespace ForumManager.Documents.Protocol;

/// <summary>One speaker of a run-of-show, texts ready to print ("09:05–09:15", "English 英语").</summary>
public sealed record RunOfShowLine(string Time, ProtocolPerson Speaker, string Speaks, string Booth, string Minutes);

/// <summary>A forum's speakers in order, for the moderator and the interpreters' booth.</summary>
public sealed record RunOfShow(ProtocolHeading Heading, string Moderators, string Total, string? Warning, IReadOnlyList<RunOfShowLine> Lines);

/// <summary>
/// The run-of-show: each speaker's time, name (Latin and own script), title and city, the language they speak and what
/// the booth interprets it into, and their minutes; headings in both languages; landscape A4 over as many pages as needed.
/// </summary>
public static class RunOfShowDocument
{
    public static PdfResult Render(RunOfShow show)
    {
        var subtitles = new List<string>
        {
            string.Join(" · ", new[] { "Run of show 议程流程", show.Heading.Room, show.Heading.When }.Where(s => !string.IsNullOrWhiteSpace(s))),
            "Moderator 主持人: " + show.Moderators,
            show.Total,
        };
        if (show.Warning is { } warning)
        {
            subtitles.Add(warning);
        }

        var list = new ListData
        {
            Title = $"{show.Heading.SessionEn} · {show.Heading.SessionZh}",
            Subtitles = subtitles,
            Columns =
            [
                new ListColumn("# 序号", 5),
                new ListColumn("Time 时间", 12),
                new ListColumn("Speaker 发言人", 20),
                new ListColumn("Own script 本国文字", 14),
                new ListColumn("Title, city 职务、城市", 25),
                new ListColumn("Speaks 发言语言", 11),
                new ListColumn("Booth into 译入", 11),
                new ListColumn("Min. 分钟", 6),
            ],
            Rows = show.Lines.Select((l, i) => new ListRow(
            [
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                l.Time,
                l.Speaker.LatinName,
                new ListCell(l.Speaker.OwnScript ?? string.Empty, l.Speaker.NativeLanguage),
                string.Join(" · ", new[] { l.Speaker.Title, l.Speaker.Place }.Where(s => !string.IsNullOrWhiteSpace(s))),
                l.Speaks,
                l.Booth,
                l.Minutes,
            ])).ToList(),
            Footer = $"{show.Heading.ForumEn} · {show.Heading.ForumZh}",
            Landscape = true,
        };
        return ListDocument.Render(list);
    }
}
