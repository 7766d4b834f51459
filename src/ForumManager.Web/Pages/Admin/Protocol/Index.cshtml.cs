using ForumManager.Features.Forums;
using ForumManager.Features.Protocol;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Admin.Protocol;

/// <summary>The sessions that can be seated (every session with a room): each one's layout, how many are seated of how many attend, and its conflicts.</summary>
public sealed class IndexModel(CurrentForum current, SeatingPlans plans) : PageModel
{
    public IReadOnlyList<SeatingSummary> Sessions { get; private set; } = [];

    public Core.Forums.Forum Forum { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        Forum = forum;
        Sessions = await plans.OverviewAsync(forum.Id, ct);
        return Page();
    }
}
