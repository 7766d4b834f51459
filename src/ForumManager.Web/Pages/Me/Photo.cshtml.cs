using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Accreditation;
using ForumManager.Features.Forums;
using ForumManager.Web.Infrastructure;
using ForumManager.Web.Pages.Accreditation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Me;

/// <summary>The delegate's own photo for the badge: what is held and its review, and a new upload. Keyed by the account.</summary>
[RequestSizeLimit(AccreditationPhotos.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AccreditationPhotos.MaxRequestBytes)]
public sealed class PhotoModel(ForumDbContext db, CurrentForum current, UserManager<ForumUser> users, AccreditationPhotos photos,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public PhotoUpload Photo { get; set; } = new();

    /// <summary>The signed-in delegate's registration in this edition, when there is one that may still change.</summary>
    public (int Id, string Name)? Mine { get; private set; }

    public PhotoSummary? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var forum = await LoadAsync(ct);
        if (forum is null || Mine is not { } mine)
        {
            return Page();
        }

        if (!Photo.Given)
        {
            ModelState.AddModelError(PhotoUpload.FileField, text["Photo_Required"].Value);
            return Page();
        }

        await using var file = Photo.File!.OpenReadStream();
        var errors = await photos.SaveAsync(forum.Id, mine.Id, file, Photo.File.Length, Photo.Crop, PhotoUpload.FileField,
            new Actor(users.GetUserId(User), User.Identity?.Name ?? "delegate"), ct);
        if (!errors.IsEmpty)
        {
            ModelState.AddErrors(errors);
            return Page();
        }

        TempData["Status"] = text["Photo_Uploaded"].Value;
        return RedirectToPage();
    }

    private async Task<Core.Forums.Forum?> LoadAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        var userId = users.GetUserId(User);
        if (forum is null || userId is null)
        {
            return null;
        }

        var forumId = forum.Id;
        var row = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && d.UserId == userId && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected)
            .Select(d => new { d.Id, Name = d.FamilyName.ToUpper() + " " + d.GivenName })
            .FirstOrDefaultAsync(ct);
        if (row is not null)
        {
            Mine = (row.Id, row.Name);
            Current = await photos.SummaryAsync(forumId, row.Id, ct);
        }

        return forum;
    }
}
