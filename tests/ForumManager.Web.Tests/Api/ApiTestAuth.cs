using System.Security.Claims;
using System.Text.Encodings.Web;
using ForumManager.Core.Integrations;
using ForumManager.Testing;
using ForumManager.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusCodes = Microsoft.AspNetCore.Http.StatusCodes;

namespace ForumManager.Web.Tests.Api;

/// <summary>
/// How the resource tests call the API as a token would, while the token scheme is built apart: a scheme under the
/// token scheme's name that takes the forum and scopes from headers, and the scope policies where none exist yet. This
/// is the one place to switch to real tokens (insert an <see cref="ApiToken"/> row and send <c>Authorization: Bearer</c>).
/// </summary>
public static class ApiTestAuth
{
    public const string ForumHeader = "X-Test-Forum";
    public const string ScopesHeader = "X-Test-Scopes";
    public const string NameHeader = "X-Test-Token-Name";

    public static void AddTo(IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderTokenHandler>(ApiAuth.Scheme, _ => { });
        services.PostConfigure<AuthorizationOptions>(o =>
        {
            foreach (var scope in ApiScopes.All)
            {
                if (o.GetPolicy(ApiAuth.Policy(scope)) is null)
                {
                    o.AddPolicy(ApiAuth.Policy(scope), p => p.AddAuthenticationSchemes(ApiAuth.Scheme).RequireClaim(ApiAuth.ScopeClaim, scope));
                }
            }
        });
    }

    /// <summary>A client calling as a token of <paramref name="forumId"/> named <paramref name="name"/> with <paramref name="scopes"/>.</summary>
    public static HttpClient Client(ForumAppFactory app, int forumId, string name, params string[] scopes)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(ForumHeader, forumId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        client.DefaultRequestHeaders.Add(ScopesHeader, string.Join(' ', scopes));
        client.DefaultRequestHeaders.Add(NameHeader, name);
        return client;
    }

    private sealed class HeaderTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(ForumHeader, out var forum))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var claims = new List<Claim>
            {
                new(ApiAuth.ForumIdClaim, forum.ToString()),
                new(ApiAuth.TokenIdClaim, "1"),
                new(ApiAuth.TokenNameClaim, Request.Headers[NameHeader].ToString()),
            };
            claims.AddRange(Request.Headers[ScopesHeader].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(ApiAuth.ScopeClaim, s)));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiAuth.Scheme));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, ApiAuth.Scheme)));
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.WWWAuthenticate = "Bearer";
            return Task.CompletedTask;
        }
    }
}

/// <summary>The app with the test token scheme; settings on top as a subclass gives them.</summary>
public class ApiAppFactory : ForumAppFactory
{
    /// <summary>Whether calls authenticate with the test headers (false: with real tokens, once the token scheme is in the app).</summary>
    protected virtual bool HeaderTokens => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (HeaderTokens)
        {
            builder.ConfigureTestServices(ApiTestAuth.AddTo);
        }
    }

    public HttpClient Api(int forumId, params string[] scopes) => ApiTestAuth.Client(this, forumId, "partner", scopes);
}
