using System.Globalization;
using System.Threading.RateLimiting;
using ForumManager.Features;
using ForumManager.Features.Integrations;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Api;

/// <summary>
/// A fixed window of <c>Api:RequestsPerMinute</c> requests per token, counted by the token's prefix (read from the
/// header, before the token is looked up, so a flood costs no query), in Redis when it is configured so that the limit
/// holds across instances. Calls without a token shape are counted by the caller's address. A refusal is a 429 problem
/// with <c>Retry-After</c>.
/// </summary>
public sealed class ApiTokenRateLimit : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var key = ApiTokenAuthentication.PresentedToken(httpContext.Request) is { } token && ApiTokenIssuer.PrefixOf(token) is { } prefix
            ? "token:" + prefix
            : "address:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var limit = httpContext.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RequestsPerMinute;
        if (httpContext.RequestServices.GetService<SharedRedis>() is { } redis)
        {
            var clock = httpContext.RequestServices.GetRequiredService<TimeProvider>();
            return RateLimitPartition.Get(key, k => new SharedFixedWindowLimiter(redis, ApiSetup.RateLimitPolicy + ":" + k, limit, TimeSpan.FromMinutes(1), clock));
        }

        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        var limit = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RequestsPerMinute;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiAuthProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests, "Api_Problem_TooManyRequests",
            string.Format(CultureInfo.CurrentCulture, SharedResource.Get("Api_Problem_RateLimited"), limit, seconds));
    }
}
