using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Register;

[AllowAnonymous]
public sealed class DoneModel : PageModel
{
    public bool Waitlisted { get; private set; }

    public IActionResult OnGet()
    {
        if (TempData["Registered"] is not string status)
        {
            return RedirectToPage("Index");
        }

        Waitlisted = status == "Waitlisted";
        return Page();
    }
}
