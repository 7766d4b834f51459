using System.Globalization;
using System.Security.Claims;
using ForumManager.Core.Accounts;
using ForumManager.Features.Forums;
using Microsoft.AspNetCore.DataProtection;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// The edition an organizer, admin or staff member chose to work on, kept in a cookie of their own (protected, and
/// bound to their account, so another person at the same browser does not inherit it). It is honoured only where they
/// work — the console (/admin), the desk (/checkin) and the photos they look at — and only while they hold such a role;
/// the public pages, a delegate's pages and the API (whose token names its edition) always see the public edition.
/// </summary>
public sealed class WorkingEdition(IHttpContextAccessor http, IDataProtectionProvider protection) : IChosenEdition
{
    public const string CookieName = "ForumManager.Edition";
    private const string Purpose = "ForumManager.WorkingEdition";

    /// <summary>The paths the choice is honoured under.</summary>
    public static readonly IReadOnlyList<string> Areas = ["/admin", "/checkin", "/photos"];

    private int? _forumId;
    private bool _read;

    public int? ForumId
    {
        get
        {
            if (!_read)
            {
                _forumId = http.HttpContext is { } context && Honoured(context) ? Read(context) : null;
                _read = true;
            }

            return _forumId;
        }
    }

    public static bool Honoured(HttpContext context) =>
        Areas.Any(a => context.Request.Path.StartsWithSegments(a, StringComparison.OrdinalIgnoreCase)) && Works(context.User);

    /// <summary>Whether this person may work on an edition other than the public one.</summary>
    public static bool Works(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && Roles.AtLeast(Roles.Staff).Any(user.IsInRole);

    public void Choose(HttpContext context, int? forumId)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (forumId is not { } id || userId is null)
        {
            context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax });
            return;
        }

        var value = protection.CreateProtector(Purpose).Protect($"{userId}:{id.ToString(CultureInfo.InvariantCulture)}");
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(30),
        });
    }

    private int? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = protection.CreateProtector(Purpose).Unprotect(value).Split(':');
            return parts.Length == 2 && parts[0] == context.User.FindFirstValue(ClaimTypes.NameIdentifier)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A cookie from another key ring or tampered with: as if none.
            return null;
        }
    }
}
