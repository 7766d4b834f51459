using ForumManager.Core.Languages;
using ForumManager.Core.Notices;
using ForumManager.Data;
using ForumManager.Features.Notices;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Languages;

/// <summary>One organizer-written text of an edition: which it is, its English (the source of every translation) and its Chinese.</summary>
public sealed record ContentText(string Field, int Item, string English, string? Chinese)
{
    /// <summary>The text's id in translators' files: <c>session.title.12</c>.</summary>
    public string Key => $"{Field}.{Item.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>
/// Every text organizers write in an edition that a reader sees in their own language, read from the records it belongs
/// to: the edition's name, theme and place, the programme (venues, rooms, tracks, sessions), the registration
/// questions, delegation names and the notices. Hotels, addresses and zones are read by the hotel, drivers and door
/// staff, in Chinese and English, and are not translated.
/// </summary>
public sealed class ContentCatalogue(ForumDbContext db)
{
    /// <summary>The kinds of notice an organizer words, whose wording is translated (a free-form notice is worded when it is sent).</summary>
    public static readonly IReadOnlyList<NoticeKind> TranslatedNotices = Enum.GetValues<NoticeKind>().Where(k => k != NoticeKind.FreeForm).ToList();

    public async Task<List<ContentText>> ReadAsync(int forumId, CancellationToken ct)
    {
        var texts = new List<ContentText>();
        var forum = await db.Forums.AsNoTracking().SingleAsync(f => f.Id == forumId, ct);
        Add(texts, ContentFields.ForumName, forum.Id, forum.NameEn, forum.NameZh);
        Add(texts, ContentFields.ForumTheme, forum.Id, forum.ThemeEn, forum.ThemeZh);
        Add(texts, ContentFields.ForumPlace, forum.Id, forum.PlaceEn, forum.PlaceZh);
        foreach (var v in await db.Venues.AsNoTracking().Where(v => v.ForumId == forumId).OrderBy(v => v.Id).ToListAsync(ct))
        {
            Add(texts, ContentFields.VenueName, v.Id, v.NameEn, v.NameZh);
        }

        foreach (var r in await db.Rooms.AsNoTracking().Where(r => r.ForumId == forumId).OrderBy(r => r.Id).Select(r => new { r.Id, r.NameEn, r.NameZh }).ToListAsync(ct))
        {
            Add(texts, ContentFields.RoomName, r.Id, r.NameEn, r.NameZh);
        }

        foreach (var t in await db.Tracks.AsNoTracking().Where(t => t.ForumId == forumId).OrderBy(t => t.Id).Select(t => new { t.Id, t.NameEn, t.NameZh }).ToListAsync(ct))
        {
            Add(texts, ContentFields.TrackName, t.Id, t.NameEn, t.NameZh);
        }

        foreach (var s in await db.Sessions.AsNoTracking().Where(s => s.ForumId == forumId).OrderBy(s => s.StartUtc).ThenBy(s => s.Id)
                     .Select(s => new { s.Id, s.TitleEn, s.TitleZh, s.AbstractEn, s.AbstractZh }).ToListAsync(ct))
        {
            Add(texts, ContentFields.SessionTitle, s.Id, s.TitleEn, s.TitleZh);
            Add(texts, ContentFields.SessionAbstract, s.Id, s.AbstractEn, s.AbstractZh);
        }

        foreach (var q in await db.Questions.AsNoTracking().Include(q => q.Choices).Where(q => q.ForumId == forumId && !q.Retired).OrderBy(q => q.Position).ToListAsync(ct))
        {
            Add(texts, ContentFields.QuestionText, q.Id, q.TextEn, q.TextZh);
            foreach (var c in q.Choices.OrderBy(c => c.Position))
            {
                Add(texts, ContentFields.ChoiceText, c.Id, c.TextEn, c.TextZh);
            }
        }

        foreach (var d in await db.Delegations.AsNoTracking().Where(d => d.ForumId == forumId).OrderBy(d => d.Id).Select(d => new { d.Id, d.NameEn, d.NameZh }).ToListAsync(ct))
        {
            Add(texts, ContentFields.DelegationName, d.Id, d.NameEn, d.NameZh);
        }

        var templates = await db.NoticeTemplates.AsNoTracking().Where(t => t.ForumId == forumId).ToListAsync(ct);
        foreach (var kind in TranslatedNotices)
        {
            var en = templates.FirstOrDefault(t => t.Kind == kind && t.Language == ContentLanguages.English);
            var zh = templates.FirstOrDefault(t => t.Kind == kind && t.Language == ContentLanguages.Chinese);
            var (builtInSubject, builtInBody) = NoticeDefaults.For(kind, ContentLanguages.English);
            var (builtInSubjectZh, builtInBodyZh) = NoticeDefaults.For(kind, ContentLanguages.Chinese);
            Add(texts, ContentFields.NoticeSubject, (int)kind, en?.Subject ?? builtInSubject, zh?.Subject ?? builtInSubjectZh);
            Add(texts, ContentFields.NoticeBody, (int)kind, en?.Body ?? builtInBody, zh?.Body ?? builtInBodyZh);
        }

        return texts;
    }

    /// <summary>A text with no English has nothing to translate and is left out.</summary>
    private static void Add(List<ContentText> texts, string field, int item, string? english, string? chinese)
    {
        if (!string.IsNullOrWhiteSpace(english))
        {
            texts.Add(new ContentText(field, item, english, chinese));
        }
    }
}
