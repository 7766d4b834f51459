using System.ComponentModel.DataAnnotations;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Areas.Identity.Pages.Account.Manage;

public sealed class ChangePasswordModel(UserManager<ForumUser> users, SignInManager<ForumUser> signIn, AccountSessions sessions,
    IStringLocalizer<SharedResource> text)
    : ManagePageModel(users)
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Field_CurrentPassword")]
        public string OldPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Validation_PasswordLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Field_NewPassword")]
        public string NewPassword { get; set; } = string.Empty;

        [DataType(DataType.Password)]
        [Display(Name = "Field_ConfirmPassword")]
        [Compare(nameof(NewPassword), ErrorMessage = "Validation_PasswordsDiffer")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (user, challenge) = await CurrentUserAsync();
        return user is null ? challenge! : Page();
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
            return Page();
        }

        var result = await Users.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.OldPassword" : "Input.NewPassword";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        // Every other device signs in again at once, not only when the security stamp is next checked; this one is
        // signed in again below, with a new session.
        await sessions.EndAllAsync(user.Id, ct);
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = text["Manage_PasswordChanged"].Value;
        return RedirectToPage();
    }
}
