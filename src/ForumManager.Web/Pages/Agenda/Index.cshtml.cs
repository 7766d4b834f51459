using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Core.Languages;
using ForumManager.Features.Forums;
using ForumManager.Features.Languages;
using ForumManager.Features.Text;
using ForumManager.Features.Programme;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Agenda;

/// <summary>The public agenda as last released, by day, filtered by track, room and kind of session.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = AgendaOutputCache.PolicyName)]
public sealed class IndexModel(CurrentForum current, ReleasedAgendas releases, ContentTexts texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Track { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Room { get; set; }

    [BindProperty(SupportsGet = true)]
    public SessionType? Type { get; set; }

    /// <summary>The language the reader asked the programme in; one the edition does not publish in gives the interface's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    /// <summary>The language the programme's texts are shown in, and the edition's languages to choose from.</summary>
    public string Language => Texts.Language;

    public bool ContentChinese => Language == ContentLanguages.Chinese;

    /// <summary>The edition's texts in the reader's language, to mark each text with the language it is shown in.</summary>
    public ContentDictionary Texts { get; private set; } = ContentDictionary.Empty(ContentLanguages.English);
    public IReadOnlyList<string> Languages { get; private set; } = [];

    public ContentLanguageBar LanguageBar => new(Languages, Language, "/agenda", "Agenda_ContentLanguage");

    public Forum? Forum { get; private set; }
    public ReleasedAgenda? Agenda { get; private set; }
    public IReadOnlyList<IGrouping<DateOnly, AgendaSession>> Days { get; private set; } = [];
    public IReadOnlyList<(int Id, string En, string Zh)> Tracks { get; private set; } = [];
    public IReadOnlyList<(int Id, string En, string Zh)> Rooms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        if (Forum is null)
        {
            return Page();
        }

        Languages = ContentLanguages.Of(Forum.FurtherLanguages);
        var content = Texts = await texts.ForAsync(Forum.Id, ContentTexts.ReaderLanguage(Forum, Lang, UiLanguage.Chinese), ct);
        Forum = content.Apply(Forum);
        Agenda = await releases.LatestAsync(Forum.Id, ct) is { } released ? content.Apply(released) : null;
        if (Agenda is null)
        {
            return Page();
        }

        Tracks = Agenda.Sessions.Where(s => s.TrackId is not null).DistinctBy(s => s.TrackId).Select(s => (s.TrackId!.Value, s.TrackEn ?? string.Empty, s.TrackZh ?? string.Empty)).ToList();
        Rooms = Agenda.Sessions.Where(s => s.RoomId is not null).DistinctBy(s => s.RoomId).Select(s => (s.RoomId!.Value, s.RoomEn ?? string.Empty, s.RoomZh ?? string.Empty)).ToList();
        var zone = Forum.TimeZone;
        Days = Agenda.Sessions
            .Where(s => (Track is null || s.TrackId == Track) && (Room is null || s.RoomId == Room) && (Type is null || s.Type == Type))
            .GroupBy(s => DateOnly.FromDateTime(ForumTime.ToLocal(s.StartUtc, zone))).OrderBy(g => g.Key).ToList();
        Response.Headers.CacheControl = "public, max-age=60";

        // The language comes from the culture cookie or Accept-Language, so a shared cache must keep one copy for each.
        Response.Headers.Vary = "Cookie, Accept-Language";
        return Page();
    }
}
