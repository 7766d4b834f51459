using ForumManager.Core.Forums;
using ForumManager.Features.Editions;
using ForumManager.Features.Programme;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Archive;

/// <summary>A past edition's programme as last released, read-only, laid out as the agenda is.</summary>
public sealed class EditionModel(EditionArchive archive) : PageModel
{
    public Forum? Forum { get; private set; }
    public ReleasedAgenda? Agenda { get; private set; }
    public IReadOnlyList<IGrouping<DateOnly, AgendaSession>> Days { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string acronym, CancellationToken ct)
    {
        if (await archive.FindAsync(acronym, ct) is not { } found)
        {
            return NotFound();
        }

        (Forum, Agenda) = found;
        var zone = Forum.TimeZone;
        Days = Agenda.Sessions.GroupBy(s => DateOnly.FromDateTime(ForumTime.ToLocal(s.StartUtc, zone))).OrderBy(g => g.Key).ToList();
        return Page();
    }
}
