using ForumManager.Core.Auditing;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Letters;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Letters;

/// <summary>One delegate's visa invitation letter, for an organizer; only for an approved registration.</summary>
public sealed class LetterModel(CurrentForum current, VisaLetters letters, UserManager<ForumUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        var pdf = await letters.IssueAsync(forum, [id], new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), ct);
        if (pdf is null)
        {
            TempData.Refusal(text["VisaLetters_NotApproved"].Value);
            return Redirect($"/admin/delegates/details/{id}");
        }

        Response.Headers.CacheControl = "no-store";
        return File(pdf.Pdf, "application/pdf", await letters.FileNameAsync(forum, id, ct));
    }
}
