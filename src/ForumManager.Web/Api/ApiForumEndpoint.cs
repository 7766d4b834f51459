using System.Globalization;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Api;

/// <summary>
/// A stand-in resource so that the token scheme, the rate limit and the document can be tested before the API's own
/// resources are merged: <c>GET /api/v1/forum</c>, the token's forum (id and names). Dropped when the resources bring theirs.
/// </summary>
public static class ApiForumEndpoint
{
    public sealed record ForumResponse(int Id, string NameEn, string NameZh);

    public static WebApplication MapApiForumEndpoint(this WebApplication app)
    {
        app.MapGroup("/api/v1").RequireRateLimiting(ApiSetup.RateLimitPolicy)
            .MapGet("/forum", async (HttpContext context, ForumDbContext db, CancellationToken ct) =>
            {
                var forumId = int.Parse(context.User.FindFirst(ApiAuth.ForumIdClaim)!.Value, CultureInfo.InvariantCulture);
                var forum = await db.Forums.AsNoTracking().Where(f => f.Id == forumId)
                    .Select(f => new ForumResponse(f.Id, f.NameEn, f.NameZh)).FirstOrDefaultAsync(ct);
                return forum is null ? Results.NotFound() : Results.Ok(forum);
            })
            .WithName("GetForum")
            .WithSummary("The token's forum edition")
            .Produces<ForumResponse>()
            .RequireScope(ApiScopes.ProgrammeRead);
        return app;
    }
}
