using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Pages;

/// <summary>
/// The language switch: remembers the choice in a cookie for a year and goes back where the person was. It carries no
/// antiforgery token, so that public pages can be served from the output cache to everyone; the worst a forged post
/// can do is change someone's language.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class CultureModel(TimeProvider clock, IOptions<RequestLocalizationOptions> localization) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        // The pseudo-locale, where it is offered, is a UI culture only: dates and numbers stay English.
        var chosen = localization.Value.SupportedUICultures?.FirstOrDefault(c => c.Name == culture)?.Name ?? "en";
        var formats = ForumServices.Cultures.Any(c => c.Name == chosen) ? chosen : "en";
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(formats, chosen)),
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
