using ForumManager.Core.Auditing;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Protocol;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Protocol.Meetings;

/// <summary>A confirmed or held meeting's briefing sheet as a PDF; for a meeting without a time, back to its page with a word why.</summary>
public sealed class BriefingModel(CurrentForum current, MeetingBriefings briefings, UserManager<ForumUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        var pdf = await briefings.RenderAsync(forum, id, new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), ct);
        if (pdf is null)
        {
            TempData.Refusal(text["Meetings_NoBriefingYet"].Value);
            return Redirect($"/admin/meetings/{id}");
        }

        Response.Headers.CacheControl = "no-store";
        return File(pdf.Pdf, "application/pdf", $"briefing-{forum.Acronym.ToLowerInvariant()}-{id}.pdf");
    }
}
