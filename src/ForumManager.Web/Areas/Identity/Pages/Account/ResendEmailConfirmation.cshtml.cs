using System.ComponentModel.DataAnnotations;
using ForumManager.Data;
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
public sealed class ResendEmailConfirmationModel(UserManager<ForumUser> users, IEmailSender<ForumUser> mail, PublicLinks links,
    IStringLocalizer<SharedResource> text) : PageModel
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

        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is { EmailConfirmed: false })
        {
            await SendConfirmationAsync(users, mail, links, user);
        }

        TempData["Status"] = text["Resend_Sent"].Value;
        return RedirectToPage();
    }

    /// <summary>Sends the link that confirms an account's address; registration uses it too.</summary>
    public static async Task SendConfirmationAsync(UserManager<ForumUser> users, IEmailSender<ForumUser> mail, PublicLinks links, ForumUser user)
    {
        var code = AccountTokens.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = links.To("/Identity/Account/ConfirmEmail", new Dictionary<string, string?> { ["userId"] = user.Id, ["code"] = code });
        await mail.SendConfirmationLinkAsync(user, user.Email!, link);
    }
}
