using Microsoft.Extensions.Caching.Distributed;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// The second level of the hybrid cache (figures shared by every instance for a few seconds), in Redis. While Redis
/// cannot be reached, reads miss and writes are dropped: each instance then keeps its own first-level copy only.
/// </summary>
public sealed class SharedDistributedCache(IDistributedCache shared, SharedRedis redis) : IDistributedCache
{
    public byte[]? Get(string key) => Try(() => shared.Get(key));

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => TryAsync(() => shared.GetAsync(key, token), (byte[]?)null);

    public void Refresh(string key) => Try(() =>
    {
        shared.Refresh(key);
        return (byte[]?)null;
    });

    public Task RefreshAsync(string key, CancellationToken token = default) => TryAsync(async () =>
    {
        await shared.RefreshAsync(key, token);
        return true;
    }, false);

    public void Remove(string key) => Try(() =>
    {
        shared.Remove(key);
        return (byte[]?)null;
    });

    public Task RemoveAsync(string key, CancellationToken token = default) => TryAsync(async () =>
    {
        await shared.RemoveAsync(key, token);
        return true;
    }, false);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Try(() =>
    {
        shared.Set(key, value, options);
        return (byte[]?)null;
    });

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => TryAsync(async () =>
    {
        await shared.SetAsync(key, value, options, token);
        return true;
    }, false);

    private byte[]? Try(Func<byte[]?> action)
    {
        if (!redis.IsConnected)
        {
            return null;
        }

        try
        {
            return action();
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return null;
        }
    }

    private async Task<T> TryAsync<T>(Func<Task<T>> action, T fallback)
    {
        if (!redis.IsConnected)
        {
            return fallback;
        }

        try
        {
            return await action();
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return fallback;
        }
    }
}
