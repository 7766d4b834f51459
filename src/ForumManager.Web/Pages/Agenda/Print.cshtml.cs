using ForumManager.Core.Forums;
using ForumManager.Features.Forums;
using ForumManager.Features.Programme;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Agenda;

/// <summary>The whole released programme on paper: every day, time, room, session and speaker, in the reader's language.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = AgendaOutputCache.PolicyName)]
public sealed class PrintModel(CurrentForum current, ReleasedAgendas releases) : PageModel
{
    public Forum? Forum { get; private set; }
    public ReleasedAgenda? Agenda { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        Agenda = Forum is null ? null : await releases.LatestAsync(Forum.Id, ct);
        return Agenda is null ? NotFound() : Page();
    }
}
