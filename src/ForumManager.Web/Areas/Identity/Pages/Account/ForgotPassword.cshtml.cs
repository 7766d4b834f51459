using System.ComponentModel.DataAnnotations;
using ForumManager.Data;
using ForumManager.Features.Accounts;
using ForumManager.Features.Forums;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ForumManager.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(ForumServices.AuthRateLimit)]
public sealed class ForgotPasswordModel(UserManager<ForumUser> users, IEmailSender<ForumUser> mail, PublicLinks links) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation_Required")]
    [EmailAddress(ErrorMessage = "Validation_Email")]
    [Display(Name = "Field_Email")]
    public string Email { get; set; } = string.Empty;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The same answer whether or not the account exists, so the page does not tell who is registered.
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is { EmailConfirmed: true })
        {
            var code = AccountTokens.Encode(await users.GeneratePasswordResetTokenAsync(user));
            var link = links.To("/Identity/Account/ResetPassword", new Dictionary<string, string?> { ["code"] = code, ["email"] = user.Email });
            await mail.SendPasswordResetLinkAsync(user, user.Email!, link);
        }

        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}
