using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Registration;

[AllowAnonymous]
public sealed class DoneModel : PageModel
{
    public bool Waitlisted { get; private set; }

    /// <summary>
    /// The address the person typed a moment ago, whether or not it already had an account: the page tells them only
    /// what they wrote, and sending again answers the same for every address.
    /// </summary>
    public string? Email { get; private set; }

    public IActionResult OnGet()
    {
        if (TempData["Registered"] is not string status)
        {
            return RedirectToPage("Index");
        }

        Waitlisted = status == "Waitlisted";
        Email = TempData["RegisteredEmail"] as string;
        return Page();
    }
}
