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
public sealed class LoginWith2faModel(SignInManager<ForumUser> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "Validation_AuthenticatorCode")]
    [Display(Name = "Field_AuthenticatorCode")]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    [Display(Name = "Field_RememberMachine")]
    public bool RememberMachine { get; set; }

    public bool RememberMe { get; private set; }
    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(bool rememberMe, string? returnUrl, CancellationToken ct)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("./Login");
        }

        RememberMe = rememberMe;
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool rememberMe, string? returnUrl, CancellationToken ct)
    {
        RememberMe = rememberMe;
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("./Login");
        }

        var code = Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, rememberMe, RememberMachine);
        if (result.Succeeded)
        {
            return LocalRedirect(await SignInLanding.ForAsync(signIn.UserManager, user, ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            return RedirectToPage("./Lockout");
        }

        ModelState.AddModelError(nameof(Code), text["TwoFactor_WrongCode"]);
        return Page();
    }
}
