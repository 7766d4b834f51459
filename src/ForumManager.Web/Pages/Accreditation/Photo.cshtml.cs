using ForumManager.Core.Accounts;
using ForumManager.Core.Auditing;
using ForumManager.Data;
using ForumManager.Features.Accreditation;
using ForumManager.Features.Forums;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Pages.Accreditation;

/// <summary>
/// A delegate's photo, to its owner, to staff (the desk compares the face) and to organizers; anyone else is told there
/// is no such photo. Never cached by a browser or a proxy. <c>?size=thumb</c> gives the desk's thumbnail; <c>?download=1</c>
/// hands the full photo out as a file, which is audited.
/// </summary>
[Authorize]
public sealed class PhotoModel(ForumDbContext db, CurrentForum current, AccreditationPhotos photos, UserManager<ForumUser> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string? size, string? download, CancellationToken ct)
    {
        var asFile = download is "1" or "true";
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        var staff = Roles.AtLeast(Roles.Staff).Any(User.IsInRole);
        var userId = users.GetUserId(User);
        var forumId = forum.Id;
        if (!staff && (userId is null || !await db.Delegates.AnyAsync(d => d.Id == id && d.ForumId == forumId && d.UserId == userId, ct)))
        {
            return NotFound();
        }

        var thumbnail = size == "thumb" && !asFile;
        var jpeg = await photos.ReadAsync(forumId, id, thumbnail, ct);
        if (jpeg is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        if (asFile && staff)
        {
            await photos.RecordDownloadAsync(forumId, id, new Actor(userId, User.Identity?.Name ?? "staff"), ct);
            return File(jpeg, "image/jpeg", $"photo-{id}.jpg");
        }

        return File(jpeg, "image/jpeg");
    }
}
