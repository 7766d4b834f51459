using ForumManager.Features.Forums;
using ForumManager.Features.Protocol;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Admin.Protocol.Speakers;

/// <summary>The run-of-show of a forum as a PDF, for the moderator and the interpreters' booth.</summary>
public sealed class RunOfShowModel(CurrentForum current, SpeakingOrder order) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int sessionId, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || await order.RunOfShowAsync(forum, sessionId, ct) is not { } show)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(show.Pdf.Pdf, "application/pdf", show.FileName);
    }
}
