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
public sealed class ResendEmailConfirmationModel(UserManager<ForumUser> users, AccountConfirmation confirmation, IStringLocalizer<SharedResource> text) : PageModel
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
            await confirmation.SendAsync(user);
        }

        TempData["Status"] = text["Resend_Sent"].Value;
        return RedirectToPage();
    }
}
