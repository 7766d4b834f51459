namespace ForumManager.Web.Api;

/// <summary>The API's resources under <c>/api/v1</c>.</summary>
public static class ApiEndpoints
{
    public static WebApplication MapForumApi(this WebApplication app) => app;
}
