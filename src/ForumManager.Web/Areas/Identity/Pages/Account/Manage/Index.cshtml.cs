using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Areas.Identity.Pages.Account.Manage;

public sealed class IndexModel(UserManager<ForumUser> users, IStringLocalizer<SharedResource> text) : ManagePageModel(users)
{
    public string Email { get; private set; } = string.Empty;
    public bool TwoFactorEnabled { get; private set; }

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public sealed class ProfileInput
    {
        [StringLength(100, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Field_DisplayName")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Validation_Required")]
        [RegularExpression("^(en|zh-Hans)$", ErrorMessage = "Validation_Language")]
        [Display(Name = "Field_MailLanguage")]
        public string PreferredCulture { get; set; } = "en";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (user, challenge) = await CurrentUserAsync();
        if (user is null)
        {
            return challenge!;
        }

        Load(user);
        Input = new ProfileInput { DisplayName = user.DisplayName, PreferredCulture = user.PreferredCulture };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (user, challenge) = await CurrentUserAsync();
        if (user is null)
        {
            return challenge!;
        }

        if (!ModelState.IsValid)
        {
            Load(user);
            return Page();
        }

        user.DisplayName = PersonName.CleanOrNull(Input.DisplayName);
        user.PreferredCulture = Input.PreferredCulture;
        await Users.UpdateAsync(user);
        TempData["Status"] = text["Manage_Saved"].Value;
        return RedirectToPage();
    }

    private void Load(ForumUser user)
    {
        Email = user.Email ?? string.Empty;
        TwoFactorEnabled = user.TwoFactorEnabled;
    }
}
