using ForumManager.Core.Mail;
using ForumManager.Core.Notices;
using ForumManager.Data;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Notices;

/// <summary>One recipient of a batch and where their message stands.</summary>
public sealed record RecipientState(int DelegateId, string Name, string Email, string State, int Attempts, string? Error);

/// <summary>A batch's recipients by state; <see cref="Withdrawn"/> are those a stopped batch never sent.</summary>
public sealed record BatchProgress(int Total, int Queued, int Sent, int Failed, int Retrying, int Withdrawn = 0)
{
    public int Finished => Sent + Failed + Withdrawn;
    public int Percent => Total == 0 ? 100 : Finished * 100 / Total;
}

/// <summary>
/// Turns notice batches into outbox messages in the background. Each pass serves every batch with work left in
/// turn, a share of the pass each, so a large batch never holds up a small one started after it, and each batch's
/// share is made in a scope and transaction of its own, so one that fails holds up no other. A recipient's message
/// and the link to it are saved together, so a restart goes on with the recipients still without one and nobody
/// gets two; a recipient for whom the wording cannot be filled in is marked failed with the reason and the batch
/// goes on (the day-before reminder, which no organizer sends by hand or watches, gets the built-in wording
/// instead). Delivery itself is the outbox dispatcher's.
/// </summary>
public sealed partial class NoticeBatchService(IServiceScopeFactory scopes, OutboxSignal signal, ILogger<NoticeBatchService> logger) : BackgroundService
{
    private const int Chunk = 50;
    private readonly SemaphoreSlim wake = new(0);

    /// <summary>The batch served last, so the next pass starts with the one after it.</summary>
    private int lastServed;

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

    /// <returns>How many recipients this pass dealt with: messages made, and recipients marked failed.</returns>
    public async Task<int> ExpandOneChunkAsync(CancellationToken ct)
    {
        List<int> waiting;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
            waiting = await db.NoticeRecipients.AsNoTracking()
                .Where(r => r.OutboxMessageId == null && r.Error == null && db.NoticeBatches.Any(b => b.Id == r.BatchId && b.CancelledUtc == null))
                .Select(r => r.BatchId).Distinct().OrderBy(id => id).ToListAsync(ct);
        }

        if (waiting.Count == 0)
        {
            return 0;
        }

        var turn = waiting.Where(id => id > lastServed).Concat(waiting.Where(id => id <= lastServed)).Take(Chunk).ToList();
        var share = Math.Max(1, Chunk / turn.Count);
        var done = 0;
        foreach (var batchId in turn)
        {
            lastServed = batchId;
            try
            {
                done += await ExpandAsync(batchId, share, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogBatchFailed(logger, e, batchId);
            }
        }

        return done;
    }

    /// <summary>Makes the messages of up to <paramref name="take"/> recipients of one batch still without one.</summary>
    private async Task<int> ExpandAsync(int batchId, int take, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var batch = await db.NoticeBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, ct);
        var pending = await db.NoticeRecipients.AsNoTracking().Where(r => r.BatchId == batchId && r.OutboxMessageId == null && r.Error == null)
            .OrderBy(r => r.Id).Take(take).ToListAsync(ct);
        if (batch.CancelledUtc is not null || pending.Count == 0)
        {
            return 0;
        }

        // Only a share with recipients makes a span; the poll that finds nothing to do is no trace.
        using var activity = FeatureTelemetry.Source.StartActivity("notice batch expansion");
        activity?.SetTag(FeatureTelemetry.ForumTag, batch.ForumId);
        activity?.SetTag("forummanager.notice_batch.id", batchId);
        activity?.SetTag("forummanager.notice_batch.recipients", pending.Count);

        var renderer = scope.ServiceProvider.GetRequiredService<NoticeRenderer>();
        renderer.LimitPerOperation = false;
        var mail = scope.ServiceProvider.GetRequiredService<MailQueue>();
        var forum = await db.Forums.AsNoTracking().SingleAsync(f => f.Id == batch.ForumId, ct);
        var delegateIds = pending.Select(r => r.DelegateId).ToList();
        var people = await db.Delegates.AsNoTracking().Include(d => d.Delegation).Where(d => delegateIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var wording = batch.BodyEn is null ? null : new NoticeWording(batch.SubjectEn ?? string.Empty, batch.BodyEn, batch.SubjectZh ?? string.Empty, batch.BodyZh ?? string.Empty);
        var attachments = new NoticeAttachments(batch.AttachAgenda, batch.AttachVisaLetter, batch.AttachQrCode);

        // Filled in before the transaction begins, so a slow template holds no lock; the messages are staged only
        // inside it (filling in may save, as a visa letter's issue does), so each is saved with its link or not at all.
        var drafts = new List<(NoticeRecipient Recipient, MailDraft Draft)>();
        var failed = new List<(NoticeRecipient Recipient, string Reason)>();
        foreach (var recipient in pending)
        {
            try
            {
                drafts.Add((recipient, await renderer.RenderAsync(forum, people[recipient.DelegateId], batch.Kind,
                    batch.ReminderFor is { } day ? new NoticeExtras { ReminderDay = day } : NoticeExtras.None, ct, wording, attachments,
                    builtInOnFailure: batch.ReminderFor is not null)));
            }
            catch (NoticeTemplateException e)
            {
                failed.Add((recipient, e.Code.Length > 1000 ? e.Code[..1000] : e.Code));
            }
        }

        if (failed.Count > 0)
        {
            LogRecipientsFailed(logger, batchId, failed.Count, failed[0].Reason);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var made = drafts.Select(d => (d.Recipient, Message: mail.Add(d.Draft))).ToList();
        await db.SaveChangesAsync(ct);
        var done = 0;
        foreach (var (recipient, message) in made)
        {
            // Another app instance may have made this recipient's message meanwhile, or an organizer stopped the
            // batch: only one link is kept, none for a stopped batch, and a message that lost is taken back before
            // anything is committed, so nobody gets two and a stopped batch sends nothing more.
            var messageId = message.Id;
            if (await db.NoticeRecipients
                    .Where(r => r.Id == recipient.Id && r.OutboxMessageId == null && r.Error == null && db.NoticeBatches.Any(b => b.Id == r.BatchId && b.CancelledUtc == null))
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.OutboxMessageId, messageId), ct) == 1)
            {
                done++;
            }
            else
            {
                await db.OutboxMessages.Where(m => m.Id == messageId).ExecuteDeleteAsync(ct);
            }
        }

        foreach (var (recipient, reason) in failed)
        {
            done += await db.NoticeRecipients.Where(r => r.Id == recipient.Id && r.OutboxMessageId == null && r.Error == null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Error, reason), ct);
        }

        await transaction.CommitAsync(ct);
        return done;
    }

    public static async Task<BatchProgress> ProgressAsync(ForumDbContext db, int batchId, CancellationToken ct)
    {
        var states = await StatesAsync(db, batchId, ct);
        int Count(string state) => states.Values.Count(s => s.State == state);
        return new BatchProgress(states.Count, Count("queued"), Count("sent"), Count("failed"), Count("retrying"), Count("withdrawn"));
    }

    /// <summary>Each recipient and the state of their message; <paramref name="describe"/> puts a reason the app recorded in the reader's words.</summary>
    public static async Task<List<RecipientState>> RecipientsAsync(ForumDbContext db, int batchId, Func<string, string> describe, CancellationToken ct)
    {
        var states = await StatesAsync(db, batchId, ct);
        var ids = states.Keys.ToList();
        var people = new List<(int Id, string FamilyName, string GivenName, string Email)>();
        foreach (var chunk in ids.Chunk(500))
        {
            people.AddRange((await db.Delegates.AsNoTracking().Where(d => chunk.Contains(d.Id))
                .Select(d => new { d.Id, d.FamilyName, d.GivenName, d.Email }).ToListAsync(ct)).Select(d => (d.Id, d.FamilyName, d.GivenName, d.Email)));
        }

        return people.Select(d =>
            {
                var m = states[d.Id];
                return new RecipientState(d.Id, d.FamilyName.ToUpperInvariant() + " " + d.GivenName, d.Email, m.State, m.Attempts,
                    m.Error is null ? null : m.Made ? m.Error : describe(m.Error));
            })
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Each recipient's state: queued (no message yet, or one not yet tried), sent, retrying, failed (by the mail
    /// server, or because no message could be made: <c>Made</c> is false and the error is a template's reason), or
    /// withdrawn (the batch was stopped before their message went).
    /// </summary>
    private static async Task<Dictionary<int, (string State, int Attempts, string? Error, bool Made)>> StatesAsync(ForumDbContext db, int batchId, CancellationToken ct)
    {
        var stopped = await db.NoticeBatches.Where(b => b.Id == batchId).Select(b => b.CancelledUtc != null).SingleAsync(ct);
        var recipients = await db.NoticeRecipients.AsNoTracking().Where(r => r.BatchId == batchId).Select(r => new { r.DelegateId, r.OutboxMessageId, r.Error }).ToListAsync(ct);
        var messageIds = recipients.Where(r => r.OutboxMessageId != null).Select(r => r.OutboxMessageId!.Value).ToList();
        var messages = new Dictionary<long, (OutboxStatus Status, int Attempts, string? Error)>();
        foreach (var chunk in messageIds.Chunk(500))
        {
            foreach (var m in await db.OutboxMessages.AsNoTracking().Where(m => chunk.Contains(m.Id)).Select(m => new { m.Id, m.Status, m.Attempts, m.LastError }).ToListAsync(ct))
            {
                messages[m.Id] = (m.Status, m.Attempts, m.LastError);
            }
        }

        return recipients.ToDictionary(r => r.DelegateId, r =>
        {
            if (r.OutboxMessageId is { } id && messages.TryGetValue(id, out var m))
            {
                var state = m.Status switch
                {
                    OutboxStatus.Sent => "sent",
                    OutboxStatus.Failed => "failed",
                    _ => m.Attempts > 0 ? "retrying" : "queued",
                };
                return (state, m.Attempts, m.Error, true);
            }

            return r.Error is not null ? ("failed", 0, r.Error, false) : stopped ? ("withdrawn", 0, (string?)null, false) : ("queued", 0, (string?)null, false);
        });
    }

    /// <summary>
    /// Gives the batch's failed messages a fresh start, and has the recipients whose message could not be made
    /// (a template fixed since) made again; the dispatcher sends each of them once more.
    /// </summary>
    public static async Task<int> RetryFailedAsync(ForumDbContext db, int batchId, DateTime nowUtc, CancellationToken ct)
    {
        var ids = db.NoticeRecipients.Where(r => r.BatchId == batchId && r.OutboxMessageId != null).Select(r => r.OutboxMessageId!.Value);
        var again = await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Queued)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptUtc, nowUtc)
                .SetProperty(m => m.LastError, (string?)null), ct);
        return again + await db.NoticeRecipients.Where(r => r.BatchId == batchId && r.OutboxMessageId == null && r.Error != null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Error, (string?)null), ct);
    }

    /// <summary>
    /// Stops a batch: recipients still without a message get none, and messages queued for it that no dispatcher
    /// holds are withdrawn from the outbox. A message a dispatcher has already taken is on its way and goes.
    /// </summary>
    /// <returns>How many queued messages were withdrawn, or null when the batch was already stopped.</returns>
    public static async Task<int?> CancelAsync(ForumDbContext db, int batchId, string by, DateTime nowUtc, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.NoticeBatches.Where(b => b.Id == batchId && b.CancelledUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.CancelledUtc, nowUtc).SetProperty(b => b.CancelledBy, by), ct) == 0)
        {
            return null;
        }

        // The same condition the dispatcher claims with, so a message is either withdrawn here or sent, never both.
        var ids = db.NoticeRecipients.Where(r => r.BatchId == batchId && r.OutboxMessageId != null).Select(r => r.OutboxMessageId!.Value);
        var withdrawn = await db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Queued && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < nowUtc))
            .ExecuteDeleteAsync(ct);
        await db.NoticeRecipients.Where(r => r.BatchId == batchId && r.OutboxMessageId != null && !db.OutboxMessages.Any(m => m.Id == r.OutboxMessageId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.OutboxMessageId, (long?)null), ct);
        await transaction.CommitAsync(ct);
        return withdrawn;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice batch {Batch}: no message could be made for {Count} recipients ({Reason}); they are marked failed.")]
    private static partial void LogRecipientsFailed(ILogger logger, int batch, int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Making the messages of notice batch {Batch} failed; it goes on at the next pass, and the other batches meanwhile.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int batch);

    [LoggerMessage(Level = LogLevel.Error, Message = "Making the messages of a notice batch failed; it goes on at the next pass.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
