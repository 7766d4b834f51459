using ForumManager.Core.Mail;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ForumManager.Mail;

/// <summary>
/// Keeps a batch's claim alive for as long as the batch is sending, on a timer of its own: a claim is short so that a
/// crashed instance's messages go again soon, and this is what lets a slow but living sender keep them, even while
/// one message takes longer than the whole claim.
/// </summary>
internal sealed partial class OutboxClaimRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public OutboxClaimRenewal(IServiceScopeFactory scopes, string claim, TimeSpan lease, TimeProvider clock, ILogger logger) =>
        _loop = RenewAsync(scopes, claim, lease, clock, logger, _stop.Token);

    private static async Task RenewAsync(IServiceScopeFactory scopes, string claim, TimeSpan lease, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        // Every third of the lease: one renewal that fails (a busy database) still leaves time for the next.
        using var timer = new PeriodicTimer(lease / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
                    var until = clock.GetUtcNow().UtcDateTime + lease;
                    await db.OutboxMessages.Where(m => m.ClaimedBy == claim && m.Status == OutboxStatus.Queued)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, until), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRenewalFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The batch is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the outbox claim failed; it is tried again shortly.")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception);
}
