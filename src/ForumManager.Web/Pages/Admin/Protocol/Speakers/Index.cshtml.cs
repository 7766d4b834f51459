using ForumManager.Features.Forums;
using ForumManager.Features.Protocol;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Admin.Protocol.Speakers;

/// <summary>The theme forum and the special-topic forums, each with its number of speakers and whether their time fits the session.</summary>
public sealed class IndexModel(CurrentForum current, SpeakingOrder order) : PageModel
{
    public IReadOnlyList<SpeakingForum> Forums { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        Zone = TimeZoneInfo.FindSystemTimeZoneById(forum.TimeZoneId);
        Forums = await order.ForumsAsync(forum, ct);
        return Page();
    }
}
