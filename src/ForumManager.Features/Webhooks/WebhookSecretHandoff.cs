using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Hybrid;

namespace ForumManager.Features.Webhooks;

/// <summary>
/// Carries a new endpoint's secret from the post that made it to the page that shows it, once: held encrypted in the
/// cache shared by the instances for a few minutes under a random key, for the person who made it, and gone at the first
/// read. The post can then answer with a redirect, so reloading the page shows nothing again and makes no second endpoint.
/// </summary>
public sealed class WebhookSecretHandoff(HybridCache cache, WebhookSecrets secrets)
{
    private static readonly HybridCacheEntryOptions Held = new() { Expiration = TimeSpan.FromMinutes(10), LocalCacheExpiration = TimeSpan.FromMinutes(10) };

    /// <summary>A read that leaves nothing behind when there is nothing to read.</summary>
    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    /// <returns>The key to read it with, once.</returns>
    public async Task<string> HoldAsync(int endpointId, string? userId, string secret, CancellationToken ct)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await cache.SetAsync(Name(endpointId, userId, key), secrets.Protect(secret), Held, cancellationToken: ct);
        return key;
    }

    /// <returns>The secret, the first time it is asked for by the person who made it; null after.</returns>
    public async Task<string?> TakeAsync(int endpointId, string? userId, string key, CancellationToken ct)
    {
        if (key.Length != 32 || !key.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var name = Name(endpointId, userId, key);
        var held = await cache.GetOrCreateAsync(name, _ => ValueTask.FromResult<string?>(null), ReadOnly, cancellationToken: ct);
        if (held is null)
        {
            return null;
        }

        await cache.RemoveAsync(name, ct);
        return secrets.Unprotect(held);
    }

    private static string Name(int endpointId, string? userId, string key) => $"webhook-secret:{endpointId}:{userId}:{key}";
}
