namespace ForumManager.Core.Mail;

/// <summary>
/// An email waiting to be sent, or the record of one that was. The whole MIME message is stored, encrypted, when it
/// is queued, so a retry sends exactly what was queued, with the same Message-Id; once the server has accepted it, the
/// content is dropped and the row stays as the record of what was sent to whom, and when.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public DateTime CreatedUtc { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }

    /// <summary>What the message is for, such as <c>account.confirm-email</c>; lets organizers filter the queue.</summary>
    public required string Purpose { get; set; }

    public required string MessageId { get; set; }
    /// <summary>The MIME message encrypted with Data Protection (purpose <c>ForumManager.Outbox.v1</c>); empty once sent.</summary>
    public required byte[] MimeContent { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptUtc { get; set; }

    /// <summary>The dispatcher instance holding the row, so that two app instances never send it both.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }

    public DateTime? SentUtc { get; set; }
    public string? LastError { get; set; }
}

public enum OutboxStatus
{
    Queued = 0,
    Sent = 1,
    Failed = 2,
}
