namespace ForumManager.Core.Background;

/// <summary>
/// Wakes a background worker of this instance when work is queued here, so that it starts at once rather than at its
/// next poll; many wake-ups before it looks count as one.
/// </summary>
public abstract class WakeSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Wake()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; once is enough.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await _semaphore.WaitAsync(timeout, ct);
}
