using System.Threading.Channels;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Integrations;

/// <summary>
/// The log of each call made with a token, written behind the requests: a request only queues its use when its answer
/// is complete, and this service writes what has queued in one insert, then moves each token's last use with one
/// conditional update, so a busy integration costs the database a few statements a second rather than two per call.
/// Uses older than <see cref="KeptDays"/> days are deleted as their token is used again, and every token's once an
/// hour, which keeps the table bounded.
/// </summary>
public sealed partial class ApiTokenUseLog(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ApiTokenUseLog> logger) : BackgroundService
{
    public const int KeptDays = 90;
    private const int BatchSize = 500;

    private readonly Channel<ApiTokenUse> _queue = Channel.CreateBounded<ApiTokenUse>(
        new BoundedChannelOptions(20_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private DateTime _lastPruneUtc = DateTime.MinValue;

    /// <summary>Queues one use; the path is kept without its query, the values cut to the columns' lengths.</summary>
    public void Record(int tokenId, string address, string method, string path, int statusCode)
    {
        var use = new ApiTokenUse
        {
            TokenId = tokenId, AtUtc = clock.GetUtcNow().UtcDateTime, Address = Cut(address, 64), Method = Cut(method, 10), Path = Cut(path, 400),
            StatusCode = statusCode,
        };
        if (!_queue.Writer.TryWrite(use))
        {
            LogQueueFull(logger, tokenId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteQueuedAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is queued is written below, without the stopping token.
        }

        await WriteQueuedAsync(CancellationToken.None);
    }

    /// <summary>Writes everything queued so far, in batches.</summary>
    private async Task WriteQueuedAsync(CancellationToken ct)
    {
        var batch = new List<ApiTokenUse>(BatchSize);
        while (true)
        {
            batch.Clear();
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var use))
            {
                batch.Add(use);
            }

            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                await WriteAsync(batch, ct);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // A token deleted with its forum meanwhile, or the database away for a moment: the log loses these
                // uses rather than stopping the service that writes the next ones.
                LogWriteFailed(logger, e, batch.Count);
            }
        }
    }

    private async Task WriteAsync(List<ApiTokenUse> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        db.ApiTokenUses.AddRange(batch);
        await db.SaveChangesAsync(ct);

        foreach (var last in batch.GroupBy(u => u.TokenId).Select(g => g.MaxBy(u => u.AtUtc)!))
        {
            await db.ApiTokens.Where(t => t.Id == last.TokenId && (t.LastUsedUtc == null || t.LastUsedUtc <= last.AtUtc))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedUtc, last.AtUtc).SetProperty(t => t.LastUsedAddress, last.Address), ct);
        }

        // The tokens just used lose their uses past the kept days at once (by the index on token and time); every
        // token's, including those no longer used, once an hour.
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-KeptDays);
        var tokens = batch.Select(u => u.TokenId).Distinct().ToList();
        await db.ApiTokenUses.Where(u => tokens.Contains(u.TokenId) && u.AtUtc < cutoff).ExecuteDeleteAsync(ct);
        if (now - _lastPruneUtc >= TimeSpan.FromHours(1))
        {
            _lastPruneUtc = now;
            await db.ApiTokenUses.Where(u => u.AtUtc < cutoff).ExecuteDeleteAsync(ct);
        }
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The API token use log is full; a use of token {TokenId} was not logged.")]
    private static partial void LogQueueFull(ILogger logger, int tokenId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} API token uses failed.")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
