using System.ComponentModel.DataAnnotations;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Accounts;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(ForumServices.AuthRateLimit)]
public sealed class ResetPasswordModel(UserManager<ForumUser> users, AccountSessions sessions, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public ResetInput Input { get; set; } = new();

    /// <summary>Set by the link a new member gets: they have no password yet, so the page does not ask for a "new" one.</summary>
    [BindProperty(SupportsGet = true)]
    public bool First { get; set; }

    public sealed class ResetInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [EmailAddress(ErrorMessage = "Validation_Email")]
        [Display(Name = "Field_Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation_Required")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Validation_PasswordLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Field_NewPassword")]
        public string Password { get; set; } = string.Empty;

        [DataType(DataType.Password)]
        [Display(Name = "Field_ConfirmPassword")]
        [Compare(nameof(Password), ErrorMessage = "Validation_PasswordsDiffer")]
        public string ConfirmPassword { get; set; } = string.Empty;

        [Required]
        public string Code { get; set; } = string.Empty;
    }

    public IActionResult OnGet(string? code, string? email)
    {
        if (string.IsNullOrEmpty(code))
        {
            return BadRequest();
        }

        Input = new ResetInput { Code = code, Email = email ?? string.Empty };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        var token = AccountTokens.Decode(Input.Code);
        if (user is null || token is null)
        {
            ModelState.AddModelError(string.Empty, text["Identity_InvalidToken"]);
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (result.Succeeded)
        {
            // Whoever had signed in with the old password, on any device, signs in again.
            await sessions.EndAllAsync(user.Id, ct);

            // The link came by mail to this address, so whoever followed it owns the address: a member the head of a
            // delegation added signs in from here on.
            if (!user.EmailConfirmed)
            {
                user.EmailConfirmed = true;
                await users.UpdateAsync(user);
            }

            return RedirectToPage("./ResetPasswordConfirmation");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
        }

        return Page();
    }
}
