using System.Globalization;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// A fixed-window limit counted in Redis, so that posts spread over several instances count once: each window is one
/// key, raised atomically by a script that also gives it its expiry. While Redis cannot be reached, this instance
/// counts on its own (a limit per instance rather than none).
/// </summary>
public sealed class SharedFixedWindowLimiter : RateLimiter
{
    private const string Script = """
        local n = redis.call('INCRBY', KEYS[1], ARGV[1])
        if n == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return n
        """;

    private readonly SharedRedis _redis;
    private readonly string _key;
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _clock;
    private readonly FixedWindowRateLimiter _local;
    private long _lastUsedTicks;

    public SharedFixedWindowLimiter(SharedRedis redis, string partition, int permitLimit, TimeSpan window, TimeProvider clock)
    {
        _redis = redis;
        _key = redis.Prefix + "limit:" + partition + ":";
        _permitLimit = permitLimit;
        _window = window;
        _clock = clock;
        _local = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 });
        _lastUsedTicks = clock.GetTimestamp();
    }

    public override TimeSpan? IdleDuration => _clock.GetElapsedTime(Interlocked.Read(ref _lastUsedTicks));

    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Interlocked.Exchange(ref _lastUsedTicks, _clock.GetTimestamp());
        if (permitCount == 0 || !_redis.IsConnected)
        {
            return _local.AttemptAcquire(permitCount);
        }

        var (key, retryAfter) = Window();
        try
        {
            var count = (long)_redis.Database.ScriptEvaluate(Script, [key], [permitCount, (long)_window.TotalMilliseconds]);
            return Lease(count, retryAfter);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return _local.AttemptAcquire(permitCount);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsedTicks, _clock.GetTimestamp());
        if (permitCount == 0 || !_redis.IsConnected)
        {
            return await _local.AcquireAsync(permitCount, cancellationToken);
        }

        var (key, retryAfter) = Window();
        try
        {
            var count = (long)await _redis.Database.ScriptEvaluateAsync(Script, [key], [permitCount, (long)_window.TotalMilliseconds]);
            return Lease(count, retryAfter);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return await _local.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _local.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>This window's key, and how long until the next window opens.</summary>
    private (RedisKey Key, TimeSpan RetryAfter) Window()
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var length = (long)_window.TotalMilliseconds;
        var index = now / length;
        return (_key + index.ToString(CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(length - now % length));
    }

    private RateLimitLease Lease(long count, TimeSpan retryAfter) => count <= _permitLimit ? Granted.Lease : new Refused(retryAfter);

    private sealed class Granted : RateLimitLease
    {
        public static readonly Granted Lease = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    private sealed class Refused(TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
