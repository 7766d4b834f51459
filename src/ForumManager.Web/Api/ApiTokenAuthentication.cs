using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Integrations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Api;

/// <summary>
/// The <c>ApiToken</c> scheme: <c>Authorization: Bearer fmk_...</c>, looked up by its prefix and compared by its
/// SHA-256 in constant time; an expired or revoked token is refused like an unknown one. Each call made with a token is
/// logged once its answer is complete (<see cref="ApiTokenUseLog"/>). Refusals are problems in the caller's language.
/// </summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ForumDbContext db, TimeProvider clock, ApiTokenUseLog uses) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>The token a request presents, or null when it presents none in the bearer form.</summary>
    public static string? PresentedToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedToken(Request) is not { Length: > 0 } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (ApiTokenIssuer.PrefixOf(token) is not { } prefix)
        {
            return AuthenticateResult.Fail("Not an API token.");
        }

        var row = await db.ApiTokens.AsNoTracking().Where(t => t.Prefix == prefix)
            .Select(t => new { t.Id, t.ForumId, t.Name, t.Scopes, t.SecretHash, t.ExpiresUtc, t.RevokedUtc })
            .FirstOrDefaultAsync(Context.RequestAborted);
        // The hash is compared in constant time even when the prefix is unknown, so that timing tells nothing.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var stored = row is not null && row.SecretHash.Length == 64 ? Convert.FromHexString(row.SecretHash) : new byte[32];
        if (!CryptographicOperations.FixedTimeEquals(presented, stored) || row is null)
        {
            return AuthenticateResult.Fail("Unknown API token.");
        }

        if (row.RevokedUtc is not null || row.ExpiresUtc <= clock.GetUtcNow().UtcDateTime)
        {
            return AuthenticateResult.Fail("Expired or revoked API token.");
        }

        var claims = new List<Claim>
        {
            new(ApiAuth.ForumIdClaim, row.ForumId.ToString(CultureInfo.InvariantCulture)),
            new(ApiAuth.TokenIdClaim, row.Id.ToString(CultureInfo.InvariantCulture)),
            new(ApiAuth.TokenNameClaim, row.Name),
            new(ApiAuth.TokenPrefixClaim, prefix),
            new(ClaimTypes.Name, "api:" + row.Name),
        };
        claims.AddRange(row.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(ApiAuth.ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiAuth.Scheme, ClaimTypes.Name, ClaimTypes.Role));
        RecordUse(row.Id);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiAuth.Scheme));
    }

    /// <summary>Queues the use once the answer is complete, with its status; the path is kept without the query.</summary>
    private void RecordUse(int tokenId)
    {
        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var method = Request.Method;
        var path = (Request.PathBase + Request.Path).ToString();
        var response = Response;
        response.OnCompleted(() =>
        {
            uses.Record(tokenId, address, method, path, response.StatusCode);
            return Task.CompletedTask;
        });
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var refused = result.Failure is not null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = refused ? "Bearer error=\"invalid_token\"" : "Bearer";
        await ApiAuthProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Api_Problem_Unauthorized",
            SharedResource.Get(refused ? "Api_Problem_TokenRefused" : "Api_Problem_NoToken"));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var scope = Context.GetEndpoint()?.Metadata.GetMetadata<ApiScopeMetadata>()?.Scope ?? "?";
        return ApiAuthProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Api_Problem_Forbidden",
            string.Format(CultureInfo.CurrentCulture, SharedResource.Get("Api_Problem_ScopeMissing"), scope));
    }
}
