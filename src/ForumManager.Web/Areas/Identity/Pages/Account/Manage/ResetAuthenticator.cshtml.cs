using ForumManager.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ForumManager.Web.Areas.Identity.Pages.Account.Manage;

public sealed class ResetAuthenticatorModel(UserManager<ForumUser> users, SignInManager<ForumUser> signIn) : ManagePageModel(users)
{
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

        await Users.SetTwoFactorEnabledAsync(user, false);
        await Users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage("./EnableAuthenticator");
    }
}
