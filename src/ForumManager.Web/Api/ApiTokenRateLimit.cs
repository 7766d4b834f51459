using System.Globalization;
using System.Threading.RateLimiting;
using ForumManager.Features;
using ForumManager.Features.Integrations;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Api;

/// <summary>
/// A fixed window of <c>Api:RequestsPerMinute</c> requests per token, counted by a hash of the whole token presented
/// (read from the header before the token is looked up), in Redis when it is configured so that the limit holds across
/// instances: someone who knows a token's prefix but not its secret counts in a window of their own and never spends the
/// real token's. Calls without a token shape are counted by the caller's address, and tokens the scheme refuses are
/// counted by address as well (<see cref="ApiRefusedTokenLimit"/>), so made-up tokens do not escape every limit. A
/// refusal is a 429 problem with <c>Retry-After</c>.
/// </summary>
public sealed class ApiTokenRateLimit : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var key = ApiTokenAuthentication.PresentedToken(httpContext.Request) is { } token && ApiTokenIssuer.PrefixOf(token) is not null
            ? "token:" + ApiTokenIssuer.Hash(token)[..32]
            : "address:" + ClientAddress(httpContext);
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

    public static string ClientAddress(HttpContext httpContext) => httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        var limit = context.HttpContext.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RequestsPerMinute;
        return new ValueTask(WriteTooManyAsync(context.HttpContext, limit, retryAfter));
    }

    /// <summary>The 429 problem with <c>Retry-After</c> in whole seconds.</summary>
    public static async Task WriteTooManyAsync(HttpContext http, int limit, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiAuthProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests, "Api_Problem_TooManyRequests",
            string.Format(CultureInfo.CurrentCulture, SharedResource.Get("Api_Problem_RateLimited"), limit, seconds));
    }
}

/// <summary>
/// Tokens the scheme refuses (unknown, wrong secret, expired, revoked, malformed), counted per client address in a
/// fixed window of <c>Api:RefusedTokensPerMinute</c>, in Redis when it is configured: past the limit the address is
/// answered 429 instead of 401 until the window ends, whatever token it presents. Good tokens from the same address
/// are not counted and keep working.
/// </summary>
public sealed class ApiRefusedTokenLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ApiRefusedTokenLimit(IOptions<ApiOptions> options, TimeProvider clock, SharedRedis? redis)
    {
        Limit = options.Value.RefusedTokensPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => redis is not null
            ? RateLimitPartition.Get(address, a => new SharedFixedWindowLimiter(redis, ApiSetup.RateLimitPolicy + ":refused:" + a, Limit, TimeSpan.FromMinutes(1), clock))
            : RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Limit,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
    }

    public int Limit { get; }

    /// <summary>Counts one refused token from <paramref name="address"/>; null while within the limit, else how long until the window ends.</summary>
    public async ValueTask<TimeSpan?> CountAsync(string address, CancellationToken ct)
    {
        using var lease = await _limiter.AcquireAsync(address, 1, ct);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
