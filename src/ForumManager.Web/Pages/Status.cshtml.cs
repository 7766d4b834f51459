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

    public (string Title, string Body) Keys => Code switch
    {
        403 => ("Status_403_Title", "Status_403_Body"),
        404 => ("Status_404_Title", "Status_404_Body"),
        429 => ("Status_429_Title", "Status_429_Body"),
        >= 500 => ("Status_500_Title", "Status_500_Body"),
        _ => ("Status_Other_Title", "Status_Other_Body"),
    };
}
