using ForumManager.Core.Delegates;
using ForumManager.Data;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Pages.Me;

/// <summary>The signed-in delegate's own registration; the query is keyed by the account, never by an id from the URL.</summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current, UserManager<ForumUser> users) : PageModel
{
    public sealed record Registration(string LatinName, string? NativeName, string? NativeLanguage, string? Honorific, string? Position,
        string? Organization, string? Delegation, string CountryCode, DelegateCategory Category, RegistrationStatus Status);

    public Registration? Mine { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        var userId = users.GetUserId(User);
        if (forum is null || userId is null)
        {
            return;
        }

        var forumId = forum.Id;
        Mine = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && d.UserId == userId)
            .Select(d => new Registration(d.FamilyName.ToUpper() + " " + d.GivenName, d.NativeName, d.NativeNameLanguage, d.Honorific,
                d.Position, d.Organization, d.Delegation == null ? null : d.Delegation.NameEn, d.CountryCode, d.Category, d.Status))
            .FirstOrDefaultAsync(ct);
    }
}
