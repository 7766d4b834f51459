using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace ForumManager.Features.Instances;

/// <summary>
/// Short messages from one app instance to all of them, itself included: a cache entry to forget, a forum whose
/// counts moved. One instance delivers them in process (<see cref="LocalSignals"/>); several behind a load balancer
/// pass them through Redis. A signal is a hint to look again, never data: a lost one costs freshness, not correctness.
/// </summary>
public interface IInstanceSignals
{
    /// <summary>Delivers <paramref name="message"/> to this instance's subscribers of <paramref name="topic"/> at once, and to the other instances' when they can be reached.</summary>
    void Publish(string topic, string message);

    /// <summary>Calls <paramref name="handler"/> for each message on <paramref name="topic"/>, from any instance, until the result is disposed.</summary>
    IDisposable Subscribe(string topic, Action<string> handler);
}

/// <summary>The topics the app uses.</summary>
public static class SignalTopics
{
    /// <summary>A key of an <see cref="InstanceCaches"/> entry to forget.</summary>
    public const string ForgetCached = "cache.forget";

    /// <summary>A tag of the hybrid cache (a forum's counted figures) to forget in every instance's memory.</summary>
    public const string ForgetCachedTag = "cache.forget-tag";

    /// <summary>A forum (its id) whose check-ins changed.</summary>
    public const string CheckInsChanged = "forum.checkins";

    /// <summary>A forum (its id) whose registrations changed.</summary>
    public const string RegistrationsChanged = "forum.registrations";
}

/// <summary>Delivers signals to the subscribers of this instance; the transport to other instances builds on it.</summary>
public class LocalSignals : IInstanceSignals
{
    private readonly ConcurrentDictionary<string, ImmutableHandlers> _handlers = new(StringComparer.Ordinal);

    public virtual void Publish(string topic, string message) => Deliver(topic, message);

    public IDisposable Subscribe(string topic, Action<string> handler)
    {
        _handlers.AddOrUpdate(topic, _ => new ImmutableHandlers([handler]), (_, list) => list.With(handler));
        return new Subscription(() => _handlers.AddOrUpdate(topic, _ => new ImmutableHandlers([]), (_, list) => list.Without(handler)));
    }

    /// <summary>Hands a message to this instance's subscribers; one that throws does not keep it from the others.</summary>
    protected void Deliver(string topic, string message)
    {
        if (!_handlers.TryGetValue(topic, out var list))
        {
            return;
        }

        foreach (var handler in list.Items)
        {
            try
            {
                handler(message);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A subscriber's fault is its own; the signal is only a hint to look again.
            }
        }
    }

    private sealed record ImmutableHandlers(IReadOnlyList<Action<string>> Items)
    {
        public ImmutableHandlers With(Action<string> handler) => new([.. Items, handler]);

        public ImmutableHandlers Without(Action<string> handler) => new(Items.Where(h => h != handler).ToList());
    }

    private sealed class Subscription(Action end) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                end();
            }
        }
    }
}

/// <summary>
/// What each instance keeps in memory for a short while (the released agenda, the home page's figures): forgetting an
/// entry forgets it on every instance, so a change made through one is seen through all of them at once.
/// </summary>
public sealed class InstanceCaches : IDisposable
{
    private readonly IMemoryCache _cache;
    private readonly IInstanceSignals _signals;
    private readonly IDisposable _subscription;

    public InstanceCaches(IMemoryCache cache, IInstanceSignals signals)
    {
        _cache = cache;
        _signals = signals;
        _subscription = signals.Subscribe(SignalTopics.ForgetCached, key => _cache.Remove(key));
    }

    public Task<T?> GetOrCreateAsync<T>(string key, TimeSpan lifetime, Func<Task<T>> load) =>
        _cache.GetOrCreateAsync(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = lifetime;
            return load();
        });

    /// <summary>Forgets the entry here at once, and on the other instances as soon as the signal reaches them.</summary>
    public void Forget(string key)
    {
        _cache.Remove(key);
        _signals.Publish(SignalTopics.ForgetCached, key);
    }

    public void Dispose() => _subscription.Dispose();
}
