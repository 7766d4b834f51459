using ForumManager.Core.Forums;
using ForumManager.Features.Forums;
using ForumManager.Features.Languages;
using ForumManager.Features.Programme;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Agenda;

/// <summary>The whole released programme on paper: every day, time, room, session and speaker, in the reader's language.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = AgendaOutputCache.PolicyName)]
public sealed class PrintModel(CurrentForum current, ReleasedAgendas releases, ContentTexts texts) : PageModel
{
    /// <summary>The language asked for (<c>?lang=ru</c>); otherwise the interface's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    public string Language { get; private set; } = "en";

    public Forum? Forum { get; private set; }
    public ReleasedAgenda? Agenda { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || await releases.LatestAsync(forum.Id, ct) is not { } agenda)
        {
            return NotFound();
        }

        Language = ContentTexts.ReaderLanguage(forum, Lang, Features.Text.UiLanguage.Chinese);
        var content = await texts.ForAsync(forum.Id, Language, ct);
        Forum = content.Apply(forum);
        Agenda = content.Apply(agenda);
        return Page();
    }
}
