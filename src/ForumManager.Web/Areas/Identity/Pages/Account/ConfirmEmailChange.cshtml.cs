using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Areas.Identity.Pages.Account;

/// <summary>Changing an account's address is not offered to its owner (see Manage/Email), so there is nothing to confirm.</summary>
[AllowAnonymous]
public sealed class ConfirmEmailChangeModel : PageModel
{
    public IActionResult OnGet() => NotFound();
}
