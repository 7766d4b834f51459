using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Areas.Identity.Pages.Account;

/// <summary>Accounts come from the delegate registration or from an admin, not from Identity UI's bare sign-up page.</summary>
[AllowAnonymous]
public sealed class ExternalLoginModel : PageModel
{
    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost() => NotFound();
}
