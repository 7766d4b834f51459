using System.Security.Claims;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// Sessions kept on the server. Each sign-in starts a session row and puts its key in the sign-in cookie; every request
/// with the cookie looks the row up by its key (one primary-key lookup), so a session ended by signing out, by a new
/// password or by lapsing is refused at once, whatever copies of the cookie exist.
/// </summary>
/// <remarks>
/// The key is a claim inside the cookie's protected ticket rather than a ticket store's handle: each sign-in makes a new
/// key, so a cookie someone planted in a browser before its owner signs in never becomes the owner's session.
/// </remarks>
public sealed class AccountSessions(IServiceScopeFactory scopes, IOptionsMonitor<CookieAuthenticationOptions> cookies, TimeProvider clock)
{
    public const string ClaimType = "forum:session";

    /// <summary>Last seen is written at most this often, so that a busy session costs a read per request, not a write.</summary>
    private static readonly TimeSpan SeenGranularity = TimeSpan.FromMinutes(5);

    /// <summary>Idle time after which a session lapses: the cookie's own sliding lifetime, plus the last-seen granularity.</summary>
    private TimeSpan Lifetime => cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan + SeenGranularity;

    /// <summary>Wires the sessions into the sign-in cookie's events, keeping Identity's security stamp check after them.</summary>
    public static void Watch(CookieAuthenticationEvents events)
    {
        var checkStamp = events.OnValidatePrincipal;
        events.OnSigningIn = OnSigningInAsync;
        events.OnSigningOut = OnSigningOutAsync;
        events.OnValidatePrincipal = async context =>
        {
            var principal = context.Principal;
            if (!await IsLiveAsync(context))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }

            await checkStamp(context);
            if (context.Principal is null && KeyOf(principal) is { } key)
            {
                // Identity refused the cookie (its account's security stamp changed): its session ends too.
                await context.HttpContext.RequestServices.GetRequiredService<AccountSessions>().EndAsync(key, context.HttpContext.RequestAborted);
            }
        };
    }

    /// <summary>Identity's periodic re-check makes a fresh principal; it keeps the session it came from.</summary>
    public static Task KeepSessionAsync(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(ClaimType) is { } session && context.NewPrincipal?.Identities.FirstOrDefault() is { } identity
            && !identity.HasClaim(c => c.Type == ClaimType))
        {
            identity.AddClaim(new Claim(ClaimType, session.Value));
        }

        return Task.CompletedTask;
    }

    public async Task<string> StartAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = InvitationTokens.NewToken();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        await db.AccountSessions.Where(s => s.ExpiresUtc < now).ExecuteDeleteAsync(ct);
        db.AccountSessions.Add(new AccountSession { Key = key, UserId = userId, CreatedUtc = now, LastSeenUtc = now, ExpiresUtc = now + Lifetime });
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>Whether the session is still open for this account; moves its expiry on when it was last seen a while ago.</summary>
    public async Task<bool> IsLiveAsync(string key, string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var lastSeen = await db.AccountSessions.AsNoTracking().Where(s => s.Key == key && s.UserId == userId && s.ExpiresUtc > now)
            .Select(s => (DateTime?)s.LastSeenUtc).SingleOrDefaultAsync(ct);
        if (lastSeen is null)
        {
            return false;
        }

        if (now - lastSeen.Value >= SeenGranularity)
        {
            var expires = now + Lifetime;
            await db.AccountSessions.Where(s => s.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenUtc, now).SetProperty(x => x.ExpiresUtc, expires), ct);
        }

        return true;
    }

    public async Task EndAsync(string key, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ForumDbContext>().AccountSessions.Where(s => s.Key == key).ExecuteDeleteAsync(ct);
    }

    /// <summary>Ends every session of an account: after its password changed, every browser must sign in again.</summary>
    public async Task EndAllAsync(string userId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ForumDbContext>().AccountSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
    }

    /// <summary>The session of the request's signed-in principal, if any.</summary>
    public static string? KeyOf(ClaimsPrincipal? principal) => principal?.FindFirst(ClaimType)?.Value;

    private static async Task<bool> IsLiveAsync(CookieValidatePrincipalContext context)
    {
        var key = KeyOf(context.Principal);
        var userId = context.Principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        return key is not null && userId is not null
            && await context.HttpContext.RequestServices.GetRequiredService<AccountSessions>().IsLiveAsync(key, userId, context.HttpContext.RequestAborted);
    }

    /// <summary>
    /// Every sign-in gets a new session; the one the browser held before (another account's, or its own before a new
    /// password) ends with it.
    /// </summary>
    private static async Task OnSigningInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } userId || context.Principal.Identities.FirstOrDefault() is not { } identity)
        {
            return;
        }

        var sessions = context.HttpContext.RequestServices.GetRequiredService<AccountSessions>();
        var ct = context.HttpContext.RequestAborted;
        if (KeyOf(context.HttpContext.User) is { } previous)
        {
            await sessions.EndAsync(previous, ct);
        }

        foreach (var stale in identity.FindAll(ClaimType).ToList())
        {
            identity.RemoveClaim(stale);
        }

        identity.AddClaim(new Claim(ClaimType, await sessions.StartAsync(userId, ct)));
    }

    private static async Task OnSigningOutAsync(CookieSigningOutContext context)
    {
        if (KeyOf(context.HttpContext.User) is { } key)
        {
            await context.HttpContext.RequestServices.GetRequiredService<AccountSessions>().EndAsync(key, context.HttpContext.RequestAborted);
        }
    }
}
