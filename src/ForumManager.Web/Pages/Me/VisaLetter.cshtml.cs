using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Letters;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Me;

/// <summary>The signed-in delegate's own visa invitation letter, once approved and with passport details given.</summary>
public sealed class VisaLetterModel(ForumDbContext db, CurrentForum current, UserManager<ForumUser> users, VisaLetters letters, IStringLocalizer<SharedResource> text) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        var userId = users.GetUserId(User);
        if (forum is null || userId is null)
        {
            return NotFound();
        }

        var mine = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forum.Id && d.UserId == userId)
            .Select(d => new { d.Id, d.Status, HasPassport = d.PassportNumberProtected != null })
            .FirstOrDefaultAsync(ct);
        if (mine is null || mine.Status != RegistrationStatus.Approved || !mine.HasPassport)
        {
            TempData.Refusal(text["Me_VisaLetterNotYet"].Value);
            return Redirect("/me");
        }

        var pdf = await letters.IssueAsync(forum, [mine.Id], new Actor(userId, User.Identity?.Name ?? "delegate"), ct);
        Response.Headers.CacheControl = "no-store";
        return File(pdf!.Pdf, "application/pdf", await letters.FileNameAsync(forum, mine.Id, ct));
    }
}
