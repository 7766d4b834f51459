using ForumManager.Core.Forums;
using ForumManager.Features.Editions;
using ForumManager.Features.Languages;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using ForumManager.Features.Programme;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Archive;

/// <summary>A past edition's programme as last released, read-only, laid out as the agenda is.</summary>
public sealed class EditionModel(EditionArchive archive, ContentTexts texts) : PageModel
{
    /// <summary>The language asked for (<c>?lang=ru</c>) among that edition's; otherwise the interface's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    public string Language { get; private set; } = "en";
    public IReadOnlyList<string> Languages { get; private set; } = [];

    public ContentLanguageBar LanguageBar => new(Languages, Language, "/archive/" + Uri.EscapeDataString(Forum?.Acronym ?? string.Empty), "Agenda_ContentLanguage");

    public Forum? Forum { get; private set; }
    public ReleasedAgenda? Agenda { get; private set; }
    public IReadOnlyList<IGrouping<DateOnly, AgendaSession>> Days { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string acronym, CancellationToken ct)
    {
        if (await archive.FindAsync(acronym, ct) is not { } found)
        {
            return NotFound();
        }

        var (forum, agenda) = found;
        Languages = Core.Languages.ContentLanguages.Of(forum.FurtherLanguages);
        Language = ContentTexts.ReaderLanguage(forum, Lang, UiLanguage.Chinese);
        var content = await texts.ForAsync(forum.Id, Language, ct);
        (Forum, Agenda) = (content.Apply(forum), content.Apply(agenda));
        var zone = Forum.TimeZone;
        Days = Agenda.Sessions.GroupBy(s => DateOnly.FromDateTime(ForumTime.ToLocal(s.StartUtc, zone))).OrderBy(g => g.Key).ToList();
        return Page();
    }
}
