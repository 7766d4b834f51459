namespace ForumManager.Web.Api;

/// <summary>
/// The API's resources under <c>/api/v1</c>: JSON only, authenticated by the token scheme alone (a cookie never reaches
/// them, so they take no antiforgery token), each endpoint requiring its scope, each scoped to the token's forum.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static WebApplication MapForumApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix).DisableAntiforgery().RequireRateLimiting(ApiSetup.RateLimitPolicy).WithTags("ForumManager API");
        api.MapForumResourcesApi();
        api.MapDelegatesApi();
        api.MapProgrammeApi();
        api.MapCheckInsApi();
        api.MapLogisticsApi();
        api.MapNoticesApi();
        return app;
    }
}
