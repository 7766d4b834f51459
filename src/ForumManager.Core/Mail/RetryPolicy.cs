namespace ForumManager.Core.Mail;

/// <summary>When to try a failed message again, and when to give up.</summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public static RetryPolicy Default { get; } = new(8, TimeSpan.FromSeconds(30), TimeSpan.FromHours(2));

    public bool ShouldGiveUp(int attemptsMade) => attemptsMade >= MaxAttempts;

    /// <summary>Exponential backoff: first delay, then doubled after each failure, capped.</summary>
    public TimeSpan DelayAfter(int attemptsMade)
    {
        if (attemptsMade < 1)
        {
            return TimeSpan.Zero;
        }

        var factor = Math.Pow(2, Math.Min(attemptsMade - 1, 30));
        var ticks = Math.Min(FirstDelay.Ticks * factor, MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
