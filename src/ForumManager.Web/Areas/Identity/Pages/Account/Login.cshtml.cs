using System.ComponentModel.DataAnnotations;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Accounts;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(ForumServices.AuthRateLimit)]
public sealed class LoginModel(SignInManager<ForumUser> signIn, UserManager<ForumUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation_Required")]
        [EmailAddress(ErrorMessage = "Validation_Email")]
        [Display(Name = "Field_Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation_Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Field_Password")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Field_RememberMe")]
        public bool RememberMe { get; set; }
    }

    public async Task OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(await SignInLanding.ForAsync(users, await users.FindByEmailAsync(Input.Email.Trim()), ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }

        var unconfirmed = result.IsNotAllowed ? await CheckUnconfirmedAccountAsync() : UnconfirmedCheck.WrongPassword;
        if (result.IsLockedOut || unconfirmed == UnconfirmedCheck.LockedOut)
        {
            return RedirectToPage("./Lockout");
        }

        ModelState.AddModelError(string.Empty, unconfirmed == UnconfirmedCheck.RightPassword ? text["Login_EmailNotConfirmed"] : text["Login_Failed"]);
        return Page();
    }

    private enum UnconfirmedCheck
    {
        WrongPassword,
        RightPassword,
        LockedOut,
    }

    /// <summary>
    /// Identity answers NotAllowed for an unconfirmed address before it looks at the password or the lockout, so the hint
    /// to confirm is only given to someone who knows the password, and a wrong one counts towards lockout and ends on the
    /// lockout page, as for any other account (and as for an address with no account).
    /// </summary>
    private async Task<UnconfirmedCheck> CheckUnconfirmedAccountAsync()
    {
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not { EmailConfirmed: false })
        {
            return UnconfirmedCheck.WrongPassword;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return UnconfirmedCheck.LockedOut;
        }

        if (await users.CheckPasswordAsync(user, Input.Password))
        {
            return UnconfirmedCheck.RightPassword;
        }

        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? UnconfirmedCheck.LockedOut : UnconfirmedCheck.WrongPassword;
    }

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
