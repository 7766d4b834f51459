using ForumManager.Features.Instances;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// Redis, shared by every app instance behind a load balancer (<c>Redis:Configuration</c>, a StackExchange.Redis
/// configuration string such as <c>redis:6379</c>). Without it one instance works alone, as before.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>Where Redis is; empty for a single instance.</summary>
    public string? Configuration { get; set; }

    /// <summary>Put before every key and channel, so that several sites can share one Redis.</summary>
    public string InstanceName { get; set; } = "forummanager:";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}

/// <summary>
/// The one connection to Redis of this instance. It is opened without waiting for Redis and reconnects by itself, so
/// an instance starts and keeps serving while Redis is away; everything built on it asks <see cref="IsConnected"/> and
/// falls back to this instance alone meanwhile (caches in memory, limits counted here).
/// </summary>
public sealed partial class SharedRedis : IDisposable
{
    private readonly ILogger<SharedRedis> _logger;
    private readonly TimeProvider _clock;
    private DateTime? _unreachableSinceUtc;

    public SharedRedis(IOptions<RedisOptions> options, TimeProvider clock, ILogger<SharedRedis> logger)
    {
        _logger = logger;
        _clock = clock;
        Prefix = options.Value.InstanceName;
        var configuration = ConfigurationOptions.Parse(options.Value.Configuration!);
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "forummanager-" + Environment.MachineName + "-" + Environment.ProcessId;
        // A command waits this long at most while Redis is away; callers check IsConnected first and rarely wait at all.
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 2000);
        configuration.AsyncTimeout = Math.Min(configuration.AsyncTimeout, 1000);
        configuration.SyncTimeout = Math.Min(configuration.SyncTimeout, 1000);
        Connection = ConnectionMultiplexer.Connect(configuration);
        if (!Connection.IsConnected)
        {
            _unreachableSinceUtc = clock.GetUtcNow().UtcDateTime;
            LogUnreachable(logger);
        }

        Connection.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive && _unreachableSinceUtc is null)
            {
                _unreachableSinceUtc = _clock.GetUtcNow().UtcDateTime;
                LogLost(_logger, e.FailureType.ToString());
            }
        };
        Connection.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                _unreachableSinceUtc = null;
                LogBack(_logger);
            }
        };
    }

    public IConnectionMultiplexer Connection { get; }

    /// <summary>Put before every key and channel.</summary>
    public string Prefix { get; }

    public bool IsConnected => Connection.IsConnected;

    /// <summary>Since when this instance has not reached Redis; null while it can.</summary>
    public DateTime? UnreachableSinceUtc => IsConnected ? null : _unreachableSinceUtc ?? _clock.GetUtcNow().UtcDateTime;

    public IDatabase Database => Connection.GetDatabase();

    public void Dispose() => Connection.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis cannot be reached: this instance caches and counts on its own until it can.")]
    private static partial void LogUnreachable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection to Redis was lost ({Failure}): this instance caches and counts on its own until it is back.")]
    private static partial void LogLost(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis can be reached again: caches and limits are shared with the other instances.")]
    private static partial void LogBack(ILogger logger);
}

/// <summary>
/// Signals between instances over Redis publish/subscribe: each message goes to this instance's subscribers at once
/// and to the others through Redis; an instance ignores its own echo. While Redis is away, signals stay on the
/// instance that sent them.
/// </summary>
public sealed partial class RedisSignals : LocalSignals
{
    private readonly SharedRedis _redis;
    private readonly ILogger<RedisSignals> _logger;
    private readonly string _self = Guid.NewGuid().ToString("N");
    private readonly string _channelPrefix;
    private readonly RedisChannel _pattern;

    public RedisSignals(SharedRedis redis, ILogger<RedisSignals> logger)
    {
        _redis = redis;
        _logger = logger;
        _channelPrefix = redis.Prefix + "signal:";
        // Registered without waiting, so that an instance starting while Redis is away starts all the same; the client
        // subscribes (again) by itself whenever its connection to Redis is made.
        _pattern = RedisChannel.Pattern(_channelPrefix + "*");
        try
        {
            redis.Connection.GetSubscriber().Subscribe(_pattern, Receive, CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            LogNotSubscribed(logger, e);
        }

        redis.Connection.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription && redis.Connection.GetSubscriber().SubscribedEndpoint(_pattern) is null)
            {
                redis.Connection.GetSubscriber().Subscribe(_pattern, Receive, CommandFlags.FireAndForget);
            }
        };
    }

    private void Receive(RedisChannel channel, RedisValue value)
    {
        var text = (string?)value ?? string.Empty;
        var split = text.IndexOf('|', StringComparison.Ordinal);
        if (split < 0 || text.AsSpan(0, split).SequenceEqual(_self))
        {
            return;
        }

        Deliver(channel.ToString()[_channelPrefix.Length..], text[(split + 1)..]);
    }

    public override void Publish(string topic, string message)
    {
        Deliver(topic, message);
        if (!_redis.IsConnected)
        {
            return;
        }

        try
        {
            _redis.Connection.GetSubscriber().Publish(RedisChannel.Literal(_channelPrefix + topic), _self + "|" + message, CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            LogNotSent(_logger, e, topic);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signals from the other instances cannot be received until Redis can be reached.")]
    private static partial void LogNotSubscribed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Topic} signal could not be sent to the other instances.")]
    private static partial void LogNotSent(ILogger logger, Exception exception, string topic);
}

/// <summary>Says whether caches and limits are shared through Redis, or (Degraded) kept by this instance alone because Redis cannot be reached.</summary>
public sealed class RedisHealthCheck(IServiceProvider services, IOptions<RedisOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.IsConfigured)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Not configured: one instance, caches and limits in memory."));
        }

        var redis = services.GetRequiredService<SharedRedis>();
        var data = new Dictionary<string, object> { ["shared"] = redis.IsConnected };
        if (redis.UnreachableSinceUtc is { } since)
        {
            data["unreachableSinceUtc"] = since;
            return Task.FromResult(HealthCheckResult.Degraded(
                "Redis cannot be reached: caches fall back to this instance's memory and rate limits are counted per instance.", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy("Redis: caches, rate limits and live counts are shared by every instance.", data));
    }
}

public static class SharedRedisServices
{
    /// <summary>
    /// With <c>Redis:Configuration</c> set: the output cache, the hybrid cache's second level, the signals between
    /// instances and the rate limits go through Redis (each falling back to this instance while Redis is away).
    /// Without it nothing changes: one instance, everything in its memory.
    /// </summary>
    public static IServiceCollection AddForumRedis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section);
        var options = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        if (!options.IsConfigured)
        {
            return services;
        }

        services.AddSingleton<SharedRedis>();
        services.AddSingleton<RedisSignals>();
        services.Replace(ServiceDescriptor.Singleton<IInstanceSignals>(sp => sp.GetRequiredService<RedisSignals>()));

        var local = services.Last(d => d.ServiceType == typeof(Microsoft.AspNetCore.OutputCaching.IOutputCacheStore));
        // The stores share this instance's one connection rather than opening their own.
        services.AddStackExchangeRedisOutputCache(o => o.InstanceName = options.InstanceName + "page:");
        services.AddOptions<RedisOutputCacheOptions>()
            .Configure<SharedRedis>((o, redis) => o.ConnectionMultiplexerFactory = () => Task.FromResult(redis.Connection));
        var shared = services.Last(d => d.ServiceType == typeof(Microsoft.AspNetCore.OutputCaching.IOutputCacheStore));
        services.RemoveAll<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>();
        services.AddSingleton<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>(sp => new SharedOutputCacheStore(
            Create<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>(sp, shared), Create<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>(sp, local),
            sp.GetRequiredService<SharedRedis>(), sp.GetRequiredService<ILogger<SharedOutputCacheStore>>()));

        services.AddStackExchangeRedisCache(o => o.InstanceName = options.InstanceName + "cache:");
        services.AddOptions<RedisCacheOptions>()
            .Configure<SharedRedis>((o, redis) => o.ConnectionMultiplexerFactory = () => Task.FromResult(redis.Connection));
        var distributed = services.Last(d => d.ServiceType == typeof(Microsoft.Extensions.Caching.Distributed.IDistributedCache));
        services.RemoveAll<Microsoft.Extensions.Caching.Distributed.IDistributedCache>();
        services.AddSingleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache>(sp =>
            new SharedDistributedCache(Create<Microsoft.Extensions.Caching.Distributed.IDistributedCache>(sp, distributed), sp.GetRequiredService<SharedRedis>()));
        return services;
    }

    private static T Create<T>(IServiceProvider services, ServiceDescriptor descriptor) where T : class =>
        (T)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
