using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Shows new recovery codes once; they are not kept anywhere the page could show them again.</summary>
public sealed class ShowRecoveryCodesModel : PageModel
{
    public const string TempDataKey = "RecoveryCodes";

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (TempData[TempDataKey] is not string[] { Length: > 0 } codes)
        {
            return RedirectToPage("./TwoFactorAuthentication");
        }

        Codes = codes;
        return Page();
    }
}
