using ForumManager.Core.Integrations;
using ForumManager.Data;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Webhooks;

/// <summary>
/// Writes <c>notice.failed</c> when the outbox gives up a message made for a notice (one a notice batch's recipient
/// points at, or whose purpose is a notice's), in the transaction that marks it failed. Other mail (account mail,
/// the webhooks' own warnings) tells nothing.
/// </summary>
public sealed class NoticeFailures(TimeProvider clock, WebhookSignal signal) : IOutboxGiveUp
{
    public async Task GaveUpAsync(ForumDbContext db, long messageId, CancellationToken ct)
    {
        var notice = await db.NoticeRecipients.AsNoTracking().Where(r => r.OutboxMessageId == messageId)
            .Join(db.NoticeBatches, r => r.BatchId, b => b.Id, (r, b) => new { b.ForumId, BatchId = b.Id, r.DelegateId, b.Kind })
            .FirstOrDefaultAsync(ct);
        if (notice is null)
        {
            return;
        }

        var purpose = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == messageId).Select(m => m.Purpose).FirstOrDefaultAsync(ct);
        WebhookEventLog.Add(db, notice.ForumId, WebhookEvents.NoticeFailed, new
        {
            outboxMessageId = messageId,
            noticeBatchId = notice.BatchId,
            delegateId = notice.DelegateId,
            kind = ApiNames.Of(notice.Kind),
            purpose,
        }, clock.GetUtcNow().UtcDateTime);
        signal.Wake();
    }
}
