using System.Diagnostics;

namespace ForumManager.Testing;

/// <summary>
/// Waits for what the app does in the background (the mail dispatcher, a batch, a health check): reads again until
/// the reading satisfies the condition or the time is up, and returns the last reading either way, so that the test's
/// own assertion says what it saw.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultWithin = TimeSpan.FromSeconds(15);

    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null, TimeSpan? every = null)
    {
        var started = Stopwatch.GetTimestamp();
        var value = await read();
        while (!done(value) && Stopwatch.GetElapsedTime(started) < (within ?? DefaultWithin))
        {
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(100));
            value = await read();
        }

        return value;
    }

    /// <summary>Until <paramref name="condition"/> holds or the time is up; whether it held.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? within = null, TimeSpan? every = null) =>
        await ReadAsync(condition, held => held, within, every);
}
