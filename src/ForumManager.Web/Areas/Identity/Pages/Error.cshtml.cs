using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Areas.Identity.Pages;

/// <summary>Identity UI's own error page is not used: errors go to the site's error page.</summary>
[AllowAnonymous]
public sealed class ErrorModel : PageModel
{
    public IActionResult OnGet() => NotFound();
}
