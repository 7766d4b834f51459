namespace ForumManager.Core.Mail;

/// <summary>
/// Whether the mail server can be reached, as one state for the whole queue rather than a pause per message. While
/// it cannot, the server is tried again (probed) at a growing pause, the policy's first delay doubled up to its cap,
/// however many messages are queued meanwhile; the first connection that succeeds ends the outage, and every message
/// that waited for it is due at once.
/// </summary>
public sealed class MailServerOutage(RetryPolicy policy)
{
    private int _failedConnections;
    private readonly Lock _gate = new();
    private DateTime? _unreachableSinceUtc;

    /// <summary>When the server is to be tried next; null while it is reachable.</summary>
    public DateTime? NextProbeUtc { get; private set; }

    /// <summary>When the first of the failed connections in a row was tried; null while the server is reachable. Read by
    /// the health check, from another thread than the dispatcher's.</summary>
    public DateTime? UnreachableSinceUtc
    {
        get
        {
            lock (_gate)
            {
                return _unreachableSinceUtc;
            }
        }
    }

    /// <summary>True while mail waits for the next probe: no connection is to be tried before it.</summary>
    public bool HoldsMailAt(DateTime nowUtc) => NextProbeUtc is { } next && nowUtc < next;

    /// <returns>The pause before the next probe.</returns>
    public TimeSpan ConnectionFailed(DateTime nowUtc)
    {
        _failedConnections++;
        lock (_gate)
        {
            _unreachableSinceUtc ??= nowUtc;
        }

        var pause = policy.DelayAfter(_failedConnections);
        NextProbeUtc = nowUtc + pause;
        return pause;
    }

    /// <returns>True when this connection ended an outage.</returns>
    public bool Connected()
    {
        var ended = _failedConnections > 0;
        _failedConnections = 0;
        NextProbeUtc = null;
        lock (_gate)
        {
            _unreachableSinceUtc = null;
        }

        return ended;
    }
}
