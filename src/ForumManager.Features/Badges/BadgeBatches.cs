using System.Collections.Concurrent;
using System.Threading.Channels;
using ForumManager.Core.Forums;
using ForumManager.Documents.Badges;

namespace ForumManager.Features.Badges;

public enum BatchState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>One batch of badges being made in the background; progress is read by the page that shows its bar.</summary>
public sealed class BadgeBatch
{
    public Guid Id { get; } = Guid.NewGuid();
    public required int ForumId { get; init; }
    public required IReadOnlyList<int> DelegateIds { get; init; }
    public required BadgeLayout Layout { get; init; }
    public required string RequestedBy { get; init; }
    public required DateTime CreatedUtc { get; init; }
    public int Total => DelegateIds.Count;
    public int Done => Volatile.Read(ref done);
    public BatchState State { get; internal set; }
    public string? FilePath { get; internal set; }
    public int MissingGlyphs { get; internal set; }

    internal int done;
}

/// <summary>
/// Badge batches too large to make while the organizer waits: queued here, made one at a time by a background
/// service into a file under App_Data, kept for a day. Batches live in memory; one lost to a restart is asked for again.
/// </summary>
public sealed class BadgeBatches
{
    public const int RunInBackgroundAbove = 40;

    private readonly ConcurrentDictionary<Guid, BadgeBatch> batches = new();
    private readonly Channel<BadgeBatch> queue = Channel.CreateUnbounded<BadgeBatch>();

    public BadgeBatch Enqueue(int forumId, IReadOnlyList<int> delegateIds, BadgeLayout layout, string requestedBy, DateTime nowUtc)
    {
        var batch = new BadgeBatch { ForumId = forumId, DelegateIds = delegateIds, Layout = layout, RequestedBy = requestedBy, CreatedUtc = nowUtc };
        batches[batch.Id] = batch;
        queue.Writer.TryWrite(batch);
        foreach (var old in batches.Values.Where(b => nowUtc - b.CreatedUtc > TimeSpan.FromDays(1)).ToList())
        {
            if (batches.TryRemove(old.Id, out _) && old.FilePath is { } path)
            {
                File.Delete(path);
            }
        }

        return batch;
    }

    public BadgeBatch? Find(Guid id) => batches.TryGetValue(id, out var batch) ? batch : null;

    internal ChannelReader<BadgeBatch> Reader => queue.Reader;
}

/// <summary>Makes queued badge batches, reporting each badge as it is drawn.</summary>
public sealed partial class BadgeBatchService(BadgeBatches batches, IServiceScopeFactory scopes, IHostEnvironment environment, ILogger<BadgeBatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var batch in batches.Reader.ReadAllAsync(stoppingToken))
        {
            batch.State = BatchState.Running;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<Data.ForumDbContext>();
                var source = scope.ServiceProvider.GetRequiredService<BadgeSource>();
                var forum = await db.Forums.FindAsync([batch.ForumId], stoppingToken) ?? throw new InvalidOperationException("The forum is gone.");
                var progress = new Progress(batch);
                var result = await source.PrintAsync(forum, batch.DelegateIds, batch.Layout, batch.RequestedBy, null, stoppingToken, progress);
                var folder = Path.Combine(environment.ContentRootPath, "App_Data/badges");
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, batch.Id.ToString("N") + ".pdf");
                await File.WriteAllBytesAsync(path, result.Pdf, stoppingToken);
                batch.FilePath = path;
                batch.MissingGlyphs = result.Missing.Count;
                batch.State = BatchState.Done;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                batch.State = BatchState.Failed;
                LogFailed(logger, ex, batch.Id);
            }
        }
    }

    private sealed class Progress(BadgeBatch batch) : IProgress<int>
    {
        public void Report(int value) => Volatile.Write(ref batch.done, value);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Badge batch {Batch} failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid batch);
}
