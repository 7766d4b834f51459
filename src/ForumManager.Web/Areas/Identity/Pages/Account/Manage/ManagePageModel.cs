using ForumManager.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>What every account page needs: the signed-in account, or a sign-in when it has gone.</summary>
public abstract class ManagePageModel(UserManager<ForumUser> users) : PageModel
{
    protected UserManager<ForumUser> Users => users;

    protected async Task<(ForumUser? User, IActionResult? Challenge)> CurrentUserAsync()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? (null, Challenge()) : (user, null);
    }
}
