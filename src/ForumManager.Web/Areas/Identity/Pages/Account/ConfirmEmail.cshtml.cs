using ForumManager.Data;
using ForumManager.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<ForumUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code, CancellationToken ct)
    {
        var token = AccountTokens.Decode(code);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is not null && token is not null)
        {
            Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
        }

        if (!Confirmed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
