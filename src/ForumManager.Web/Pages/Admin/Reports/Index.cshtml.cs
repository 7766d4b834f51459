using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Admin.Reports;

/// <summary>The list of reports, each with its printable page and downloads.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
