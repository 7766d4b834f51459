using ForumManager.Data;
using ForumManager.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Areas.Identity.Pages.Account.Manage;

public sealed class Disable2faModel(UserManager<ForumUser> users, IStringLocalizer<SharedResource> text) : ManagePageModel(users)
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
        TempData["Status"] = text["Manage_TwoFactorTurnedOff"].Value;
        return RedirectToPage("./TwoFactorAuthentication");
    }
}
