using ForumManager.Data;
using ForumManager.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Areas.Identity.Pages.Account.Manage;

public sealed class TwoFactorAuthenticationModel(UserManager<ForumUser> users, SignInManager<ForumUser> signIn, IStringLocalizer<SharedResource> text)
    : ManagePageModel(users)
{
    public bool HasAuthenticator { get; private set; }
    public bool IsEnabled { get; private set; }
    public bool IsMachineRemembered { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (user, challenge) = await CurrentUserAsync();
        if (user is null)
        {
            return challenge!;
        }

        HasAuthenticator = await Users.GetAuthenticatorKeyAsync(user) is not null;
        IsEnabled = await Users.GetTwoFactorEnabledAsync(user);
        IsMachineRemembered = await signIn.IsTwoFactorClientRememberedAsync(user);
        RecoveryCodesLeft = await Users.CountRecoveryCodesAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostForgetBrowserAsync(CancellationToken ct)
    {
        var (user, challenge) = await CurrentUserAsync();
        if (user is null)
        {
            return challenge!;
        }

        await signIn.ForgetTwoFactorClientAsync();
        TempData["Status"] = text["Manage_BrowserForgotten"].Value;
        return RedirectToPage();
    }
}
