using ForumManager.Data;

namespace ForumManager.Mail;

/// <summary>
/// Told when the dispatcher gives a message up, inside the transaction that marks it failed: what it adds to the
/// context is saved with that mark, or not at all. Mail knows nothing of what is told (the webhooks' notice.failed).
/// </summary>
public interface IOutboxGiveUp
{
    Task GaveUpAsync(ForumDbContext db, long messageId, CancellationToken ct);
}
