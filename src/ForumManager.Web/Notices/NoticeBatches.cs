using ForumManager.Core.Mail;
using ForumManager.Core.Notices;
using ForumManager.Data;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Notices;

/// <summary>One recipient of a batch and where their message stands.</summary>
public sealed record RecipientState(int DelegateId, string Name, string Email, string State, int Attempts, string? Error);

public sealed record BatchProgress(int Total, int Queued, int Sent, int Failed, int Retrying)
{
    public int Finished => Sent + Failed;
    public int Percent => Total == 0 ? 100 : Finished * 100 / Total;
}

/// <summary>
/// Turns a notice batch into outbox messages in the background, a chunk at a time: each recipient's message and
/// the link to it are saved together, so a restart goes on with the recipients still without one and nobody gets
/// two. Delivery itself is the outbox dispatcher's.
/// </summary>
public sealed partial class NoticeBatchService(IServiceScopeFactory scopes, OutboxSignal signal, ILogger<NoticeBatchService> logger) : BackgroundService
{
    private const int Chunk = 50;
    private readonly SemaphoreSlim wake = new(0);

    public void Wake() => wake.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ExpandOneChunkAsync(stoppingToken) > 0)
                {
                    signal.Wake();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }

            try
            {
                await wake.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <returns>How many messages were made.</returns>
    public async Task<int> ExpandOneChunkAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var pending = await db.NoticeRecipients.AsNoTracking().Where(r => r.OutboxMessageId == null).OrderBy(r => r.Id).Take(Chunk).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        var renderer = scope.ServiceProvider.GetRequiredService<NoticeRenderer>();
        var mail = scope.ServiceProvider.GetRequiredService<MailQueue>();
        var batchIds = pending.Select(r => r.BatchId).Distinct().ToList();
        var batches = await db.NoticeBatches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var forumIds = batches.Values.Select(b => b.ForumId).Distinct().ToList();
        var forums = await db.Forums.AsNoTracking().Where(f => forumIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        var delegateIds = pending.Select(r => r.DelegateId).ToList();
        var people = await db.Delegates.AsNoTracking().Include(d => d.Delegation).Where(d => delegateIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var made = new List<(NoticeRecipient Recipient, OutboxMessage Message)>();
        foreach (var recipient in pending)
        {
            var batch = batches[recipient.BatchId];
            var wording = batch.BodyEn is null ? null : new NoticeWording(batch.SubjectEn ?? string.Empty, batch.BodyEn, batch.SubjectZh ?? string.Empty, batch.BodyZh ?? string.Empty);
            var draft = await renderer.RenderAsync(forums[batch.ForumId], people[recipient.DelegateId], batch.Kind, NoticeExtras.None, ct, wording,
                new NoticeAttachments(batch.AttachAgenda, batch.AttachVisaLetter, batch.AttachQrCode));
            made.Add((recipient, mail.Add(draft)));
        }

        await db.SaveChangesAsync(ct);
        var linked = 0;
        foreach (var (recipient, message) in made)
        {
            // Another app instance may have made this recipient's message meanwhile: only one link is kept, and
            // the message that lost is taken back before anything is committed, so nobody gets two.
            var messageId = message.Id;
            if (await db.NoticeRecipients.Where(r => r.Id == recipient.Id && r.OutboxMessageId == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.OutboxMessageId, messageId), ct) == 1)
            {
                linked++;
            }
            else
            {
                await db.OutboxMessages.Where(m => m.Id == messageId).ExecuteDeleteAsync(ct);
            }
        }

        await transaction.CommitAsync(ct);
        return linked;
    }

    public static async Task<BatchProgress> ProgressAsync(ForumDbContext db, int batchId, CancellationToken ct)
    {
        var states = await StatesAsync(db, batchId, ct);
        return new BatchProgress(
            states.Count,
            states.Count(s => s.Value is null || (s.Value.Value.Status == OutboxStatus.Queued && s.Value.Value.Attempts == 0)),
            states.Count(s => s.Value?.Status == OutboxStatus.Sent),
            states.Count(s => s.Value?.Status == OutboxStatus.Failed),
            states.Count(s => s.Value is { Status: OutboxStatus.Queued, Attempts: > 0 }));
    }

    public static async Task<List<RecipientState>> RecipientsAsync(ForumDbContext db, int batchId, CancellationToken ct)
    {
        var states = await StatesAsync(db, batchId, ct);
        var ids = states.Keys.ToList();
        var people = await db.Delegates.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.FamilyName, d.GivenName, d.Email }).ToListAsync(ct);
        return people.Select(d =>
            {
                var m = states[d.Id];
                var state = m is null ? "queued" : m.Value.Status switch
                {
                    OutboxStatus.Sent => "sent",
                    OutboxStatus.Failed => "failed",
                    _ => m.Value.Attempts > 0 ? "retrying" : "queued",
                };
                return new RecipientState(d.Id, d.FamilyName.ToUpperInvariant() + " " + d.GivenName, d.Email, state, m?.Attempts ?? 0, m?.Error);
            })
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Each recipient's message state, or null while their message is still to be made.</summary>
    private static async Task<Dictionary<int, (OutboxStatus Status, int Attempts, string? Error)?>> StatesAsync(ForumDbContext db, int batchId, CancellationToken ct)
    {
        var recipients = await db.NoticeRecipients.AsNoTracking().Where(r => r.BatchId == batchId).Select(r => new { r.DelegateId, r.OutboxMessageId }).ToListAsync(ct);
        var messageIds = recipients.Where(r => r.OutboxMessageId != null).Select(r => r.OutboxMessageId!.Value).ToList();
        var messages = new Dictionary<long, (OutboxStatus, int, string?)>();
        foreach (var chunk in messageIds.Chunk(500))
        {
            foreach (var m in await db.OutboxMessages.AsNoTracking().Where(m => chunk.Contains(m.Id)).Select(m => new { m.Id, m.Status, m.Attempts, m.LastError }).ToListAsync(ct))
            {
                messages[m.Id] = (m.Status, m.Attempts, m.LastError);
            }
        }

        return recipients.ToDictionary(
            r => r.DelegateId,
            r => r.OutboxMessageId is { } id && messages.TryGetValue(id, out var m) ? m : ((OutboxStatus, int, string?)?)null);
    }

    /// <summary>Gives the batch's failed messages a fresh start; the dispatcher sends each of them once more.</summary>
    public static Task<int> RetryFailedAsync(ForumDbContext db, int batchId, DateTime nowUtc, CancellationToken ct)
    {
        var ids = db.NoticeRecipients.Where(r => r.BatchId == batchId && r.OutboxMessageId != null).Select(r => r.OutboxMessageId!.Value);
        return db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Queued)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptUtc, nowUtc)
                .SetProperty(m => m.LastError, (string?)null), ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Making the messages of a notice batch failed; it goes on at the next pass.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
