using ForumManager.Features;
using Microsoft.AspNetCore.Mvc;

namespace ForumManager.Web.Api;

/// <summary>
/// The token scheme's and the rate limit's answers as RFC 9457 problems (<c>application/problem+json</c>), in the
/// request's language (the localization middleware has read <c>Accept-Language</c> by then).
/// </summary>
public static class ApiAuthProblems
{
    public static Task WriteAsync(HttpContext context, int status, string titleKey, string detail)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = SharedResource.Get(titleKey),
            Detail = detail,
            Type = "/api/v1/docs#errors",
            Instance = context.Request.PathBase + context.Request.Path,
        };
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }
}
