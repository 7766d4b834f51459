using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Not offered: there are no external sign-ins, an address is changed by the organizers (it is the delegate's
/// registration address too), and a delegate's personal data is downloaded from their registration.
/// </summary>
public sealed class ExternalLoginsModel : PageModel
{
    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost() => NotFound();
}
