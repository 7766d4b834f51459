using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Registration;
using ForumManager.Features.Text;
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
        // The use case's checks go next to the fields binding has not already refused, so every mistake shows at once.
        var refused = ModelState.Refused();
        var found = new FieldErrors();
        foreach (var (field, message) in (await companions.CheckAsync(forum, Mine, form, ct)).All.Where(e => !refused.Contains(e.Field)))
        {
            found.Add(field, message);
        }

        ModelState.AddErrors(found);

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

/// <summary>An accompanying person as the form asks for them.</summary>
public sealed class CompanionInput
{
    [Required(ErrorMessage = "Validation_Choose")]
    [Display(Name = "Companions_Role")]
    public CompanionRole? Role { get; set; }

    [StringLength(40, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Honorific")]
    public string? Honorific { get; set; }

    [Required(ErrorMessage = "Validation_Required"), StringLength(100, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_FamilyName")]
    public string FamilyName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required"), StringLength(100, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_GivenName")]
    public string GivenName { get; set; } = string.Empty;

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_NativeName")]
    public string? NativeName { get; set; }

    [Required(ErrorMessage = "Validation_Required"), StringLength(256, ErrorMessage = "Validation_MaxLength")]
    [EmailAddress(ErrorMessage = "Validation_Email")]
    [Display(Name = "Field_Email")]
    public string Email { get; set; } = string.Empty;

    [Display(Name = "Field_Gender")]
    public Gender? Gender { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [RegularExpression("^(en|zh-Hans)$", ErrorMessage = "Validation_Language")]
    [Display(Name = "Field_PreferredLanguage")]
    public string PreferredLanguage { get; set; } = UiLanguage.Code;
}
