using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages;

/// <summary>Friendly pages for 403, 404, 429 and other status codes, in the reader's language.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;

        // Reached directly (not re-executed after an error), the page still answers with the code it describes.
        Response.StatusCode = Code;
    }

    public string Key => Code switch
    {
        403 => "Status_403",
        404 => "Status_404",
        429 => "Status_429",
        >= 500 => "Status_500",
        _ => "Status_Other",
    };
}
