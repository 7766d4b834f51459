using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Accreditation;
using ForumManager.Core.Auditing;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Accreditation;
using ForumManager.Features.Forums;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Accreditation;

/// <summary>
/// The photos waiting for review, oldest first, each approved or refused with a reason where it is shown (here, or on the
/// delegate's page, whose forms post here and come back).
/// </summary>
public sealed class IndexModel(CurrentForum current, AccreditationPhotos photos, UserManager<ForumUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<PendingPhoto> Pending { get; private set; } = [];

    [BindProperty]
    [StringLength(PhotoRules.MaxReasonLength, ErrorMessage = "Photo_ReasonTooLong")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        Pending = await photos.PendingAsync(forum.Id, ct);
        return Page();
    }

    /// <param name="returnTo">The delegate's page when the review was made there; the queue otherwise.</param>
    public async Task<IActionResult> OnPostReviewAsync(int id, int version, string decision, string? returnTo, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        var approve = decision == "approve";
        var reason = PersonName.Clean(Reason);
        if (!approve && reason.Length == 0)
        {
            ModelState.AddModelError(nameof(Reason), text["Photo_ReasonRequired"].Value);
        }

        if (!ModelState.IsValid)
        {
            TempData.Refusal(ModelState[nameof(Reason)]?.Errors.FirstOrDefault()?.ErrorMessage ?? text["Photo_ReasonRequired"].Value);
            return Back(returnTo, id);
        }

        var outcome = await photos.ReviewAsync(forum, id, version, approve, approve ? null : reason,
            new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), ct);
        if (outcome == ReviewOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome == ReviewOutcome.Changed)
        {
            TempData.Refusal(text["Photo_Changed"].Value);
        }
        else
        {
            TempData["Status"] = (approve ? text["Photo_ApprovedStatus"] : text["Photo_RefusedStatus"]).Value;
        }

        return Back(returnTo, id);
    }

    /// <summary>Back to the delegate's page or to the queue; never to an address from elsewhere.</summary>
    private RedirectResult Back(string? returnTo, int id) =>
        Redirect(returnTo == "details" ? $"/admin/delegates/details/{id}#photo" : "/admin/photos");
}
