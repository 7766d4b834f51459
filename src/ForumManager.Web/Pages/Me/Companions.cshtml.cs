using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Registration;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Pages.Me;

/// <summary>
/// The people who come with the signed-in delegate (a spouse, an aide, a personal interpreter, a security officer):
/// each gets a record, a badge and a notice of their own, and by default shares the delegate's room. Only the
/// signed-in delegate's own companions are listed; a companion cannot bring companions.
/// </summary>
public sealed class CompanionsModel(ForumDbContext db, CurrentForum current, UserManager<ForumUser> users, AccompanyingPersons companions,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public CompanionInput Input { get; set; } = new();

    /// <summary>The signed-in person's record in this edition; null when they have none.</summary>
    public Delegate? Mine { get; private set; }

    public IReadOnlyList<Companion> Companions { get; private set; } = [];

    public bool MayBring => Mine is not null && Core.Delegates.Companions.MayBring(Mine);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        await LoadAsync(ct);
        if (forum is null || Mine is null)
        {
            return RedirectToPage();
        }

        var form = new CompanionForm
        {
            Role = Input.Role,
            Honorific = Input.Honorific,
            FamilyName = PersonName.Clean(Input.FamilyName),
            GivenName = PersonName.Clean(Input.GivenName),
            NativeName = PersonName.CleanOrNull(Input.NativeName),
            Email = (Input.Email ?? string.Empty).Trim().ToLowerInvariant(),
            Gender = Input.Gender,
            PreferredLanguage = Input.PreferredLanguage,
        };
        ModelState.AddErrorsBesideRefused(await companions.CheckAsync(forum, Mine, form, ct));

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await companions.AddAsync(forum, Mine, form, new Actor(Mine.UserId, User.Identity?.Name ?? Mine.Email), ct);
        TempData["Status"] = text["Companions_Added", $"{form.GivenName} {form.FamilyName}"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        var userId = users.GetUserId(User);
        if (forum is null || userId is null)
        {
            return;
        }

        var forumId = forum.Id;
        Mine = await db.Delegates.AsNoTracking().SingleOrDefaultAsync(d => d.ForumId == forumId && d.UserId == userId, ct);
        Companions = Mine is null ? [] : await companions.OfAsync(Mine.Id, ct);
    }
}

/// <summary>An accompanying person as the form asks for them: why they come, and their gender for the shared room.</summary>
public sealed class CompanionInput : PersonInput
{
    [Required(ErrorMessage = "Validation_Choose")]
    [Display(Name = "Companions_Role")]
    public CompanionRole? Role { get; set; }

    [Display(Name = "Field_Gender")]
    public Gender? Gender { get; set; }
}
