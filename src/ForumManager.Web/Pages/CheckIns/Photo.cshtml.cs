using ForumManager.Core.Auditing;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Accreditation;
using ForumManager.Features.CheckIns;
using ForumManager.Features.Forums;
using ForumManager.Web.Infrastructure;
using ForumManager.Web.Pages.Accreditation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.CheckIns;

/// <summary>
/// The desk takes a delegate's photo with its camera (the page's script puts the picture in the file field as a JPEG), or
/// staff choose a file. Staff see the person, so the photo is approved as it is taken and printed on the next badge.
/// </summary>
[RequestSizeLimit(AccreditationPhotos.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AccreditationPhotos.MaxRequestBytes)]
public sealed class PhotoModel(CurrentForum current, CheckInDesk desk, AccreditationPhotos photos, UserManager<ForumUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public PhotoUpload Photo { get; set; } = new();

    public DeskDelegate Person { get; private set; } = null!;

    public PhotoSummary? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } forum)
        {
            return NotFound();
        }

        if (!Photo.Given)
        {
            ModelState.AddModelError(PhotoUpload.FileField, text["Photo_Required"].Value);
            return Page();
        }

        await using var file = Photo.File!.OpenReadStream();
        var errors = await photos.SaveAsync(forum.Id, id, file, Photo.File.Length, Photo.Crop, PhotoUpload.FileField,
            new Actor(users.GetUserId(User), User.Identity?.Name ?? "staff"), ct, approvedAtDesk: true);
        if (!errors.IsEmpty)
        {
            ModelState.AddErrors(errors);
            return Page();
        }

        TempData["Status"] = text["Photo_TakenStatus", Person.LatinName].Value;
        return Redirect("/checkin?q=" + Uri.EscapeDataString(Person.Reference));
    }

    private async Task<Core.Forums.Forum?> LoadAsync(int id, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || await desk.DescribeAsync(forum.Id, id, ct) is not { } person)
        {
            return null;
        }

        Person = person;
        Current = await photos.SummaryAsync(forum.Id, id, ct);
        return forum;
    }
}
