using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// The output cache in Redis, so that a release evicts the agenda on every instance at once; while Redis cannot be
/// reached, in this instance's memory (evictions reach both, so nothing evicted is served again from either).
/// </summary>
public sealed partial class SharedOutputCacheStore(IOutputCacheStore shared, IOutputCacheStore local, SharedRedis redis, ILogger<SharedOutputCacheStore> logger)
    : IOutputCacheBufferStore
{
    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await local.EvictByTagAsync(tag, cancellationToken);
        if (redis.IsConnected)
        {
            try
            {
                await shared.EvictByTagAsync(tag, cancellationToken);
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogFailed(logger, e, "evict");
            }
        }
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (redis.IsConnected)
        {
            try
            {
                return await shared.GetAsync(key, cancellationToken);
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogFailed(logger, e, "read");
            }
        }

        return await local.GetAsync(key, cancellationToken);
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (redis.IsConnected)
        {
            try
            {
                await shared.SetAsync(key, value, tags, validFor, cancellationToken);
                return;
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogFailed(logger, e, "write");
            }
        }

        await local.SetAsync(key, value, tags, validFor, cancellationToken);
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (redis.IsConnected && shared is IOutputCacheBufferStore buffered)
        {
            try
            {
                return await buffered.TryGetAsync(key, destination, cancellationToken);
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogFailed(logger, e, "read");
            }
        }

        if (await GetLocalAsync(key, cancellationToken) is not { } value)
        {
            return false;
        }

        await destination.WriteAsync(value, cancellationToken);
        return true;
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (redis.IsConnected && shared is IOutputCacheBufferStore buffered)
        {
            try
            {
                await buffered.SetAsync(key, value, tags, validFor, cancellationToken);
                return;
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogFailed(logger, e, "write");
            }
        }

        await local.SetAsync(key, value.ToArray(), tags.IsEmpty ? null : tags.ToArray(), validFor, cancellationToken);
    }

    private ValueTask<byte[]?> GetLocalAsync(string key, CancellationToken cancellationToken) => local.GetAsync(key, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared output cache could not {Operation}; this instance's memory serves meanwhile.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string operation);
}
