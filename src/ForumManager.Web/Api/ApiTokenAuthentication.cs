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
/// logged once its answer is complete (<see cref="ApiTokenUseLog"/>). Refusals are problems in the caller's language;
/// each refused token is logged (address, prefix, reason) and counted against its address (<see cref="ApiRefusedTokenLimit"/>),
/// which past its limit is answered 429 rather than 401.
/// </summary>
public sealed partial class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ForumDbContext db, TimeProvider clock, ApiTokenUseLog uses, ApiRefusedTokenLimit refusals) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Where a refusal past the address's limit leaves how long the caller must wait, for the challenge.</summary>
    private static readonly object RetryAfterKey = new();

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
            return await RefuseAsync("Not an API token.", null);
        }

        var row = await db.ApiTokens.AsNoTracking().Where(t => t.Prefix == prefix)
            .Select(t => new { t.Id, t.ForumId, t.Name, t.Scopes, t.SecretHash, t.ExpiresUtc, t.RevokedUtc })
            .FirstOrDefaultAsync(Context.RequestAborted);
        // The hash is compared in constant time even when the prefix is unknown, so that timing tells nothing.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var stored = row is not null && row.SecretHash.Length == 64 ? Convert.FromHexString(row.SecretHash) : new byte[32];
        if (!CryptographicOperations.FixedTimeEquals(presented, stored) || row is null)
        {
            return await RefuseAsync("Unknown API token.", prefix);
        }

        if (row.RevokedUtc is not null || row.ExpiresUtc <= clock.GetUtcNow().UtcDateTime)
        {
            return await RefuseAsync("Expired or revoked API token.", prefix);
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

    /// <summary>Logs the refusal and counts it against the caller's address; past the limit the challenge answers 429.</summary>
    private async Task<AuthenticateResult> RefuseAsync(string reason, string? prefix)
    {
        var address = ApiTokenRateLimit.ClientAddress(Context);
        LogRefused(Logger, address, prefix ?? "-", reason);
        if (await refusals.CountAsync(address, Context.RequestAborted) is { } retryAfter)
        {
            Context.Items[RetryAfterKey] = retryAfter;
        }

        return AuthenticateResult.Fail(reason);
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
        if (Context.Items[RetryAfterKey] is TimeSpan retryAfter)
        {
            await ApiTokenRateLimit.WriteTooManyAsync(Context, refusals.Limit, retryAfter);
            return;
        }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "API token refused from {Address} (prefix {Prefix}): {Reason}")]
    private static partial void LogRefused(ILogger logger, string address, string prefix, string reason);
}
