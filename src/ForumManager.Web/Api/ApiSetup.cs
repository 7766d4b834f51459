using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Integrations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.OpenApi;

namespace ForumManager.Web.Api;

/// <summary>The <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests one token may make in a minute, across every instance when Redis is configured.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Refused tokens (unknown, wrong secret, expired, revoked) one client address may present in a minute before it is answered 429.</summary>
    [Range(1, 1_000_000)]
    public int RefusedTokensPerMinute { get; set; } = 30;
}

/// <summary>The API's services: the token scheme and its scope policies, the per-token rate limit and the OpenAPI document.</summary>
public static class ApiSetup
{
    /// <summary>The rate limit policy every endpoint under <c>/api/v1</c> uses: a fixed window per token.</summary>
    public const string RateLimitPolicy = "api-token";

    /// <summary>The OpenAPI document's name, as <c>AddOpenApi</c> and the document provider know it.</summary>
    public const string DocumentName = "v1";

    public const string DocumentPath = "/api/v1/openapi.json";

    public static IServiceCollection AddForumApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Adding a scheme here leaves Identity's cookie the default one: pages never look at bearer tokens, and the
        // API's policies name this scheme alone, so a signed-in browser's cookie never authenticates an API call.
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiAuth.Scheme, null);

        var policies = services.AddAuthorizationBuilder();
        foreach (var scope in ApiScopes.All)
        {
            policies.AddPolicy(ApiAuth.Policy(scope), p =>
            {
                p.AuthenticationSchemes = [ApiAuth.Scheme];
                p.RequireAuthenticatedUser();
                p.RequireClaim(ApiAuth.ScopeClaim, scope);
            });
        }

        services.AddRateLimiter(o => o.AddPolicy(RateLimitPolicy, new ApiTokenRateLimit()));
        services.AddSingleton(sp => new ApiRefusedTokenLimit(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<ForumManager.Web.Infrastructure.SharedRedis>()));

        services.AddOpenApi(DocumentName, o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // Only the API: not the pages, /health, the desk's scan endpoint or the dashboard's live figures.
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.OrdinalIgnoreCase) == true;
            o.AddOperationTransformer<ApiOperationTransformer>();
            o.AddOperationTransformer<ApiParameterTransformer>();
            o.AddSchemaTransformer<ApiSchemaTransformer>();
            o.AddDocumentTransformer<ApiDocumentTransformer>();
        });
        return services;
    }

    /// <summary>The OpenAPI document at <c>/api/v1/openapi.json</c> (its reference page is the Razor page at <c>/api/v1/docs</c>).</summary>
    public static WebApplication MapForumApiDocuments(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        return app;
    }
}
