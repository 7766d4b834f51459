using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages;

/// <summary>Friendly pages for 403, 404, 429 and other status codes, in the reader's language.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    // The code is read from the route by hand: when a form that cannot be read brought the request here, model
    // binding gives up on every value, the route's included.
    public void OnGet() => Show();

    public void OnPost() => Show();

    private void Show()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 404;
        Code = code is >= 400 and <= 599 ? code : 404;

        // Reached directly (not re-executed after an error), the page still answers with the code it describes.
        Response.StatusCode = Code;
    }

    public (string Title, string Body) Keys => Code switch
    {
        400 => ("Status_400_Title", "Status_400_Body"),
        403 => ("Status_403_Title", "Status_403_Body"),
        404 => ("Status_404_Title", "Status_404_Body"),
        429 => ("Status_429_Title", "Status_429_Body"),
        >= 500 => ("Status_500_Title", "Status_500_Body"),
        _ => ("Status_Other_Title", "Status_Other_Body"),
    };
}
