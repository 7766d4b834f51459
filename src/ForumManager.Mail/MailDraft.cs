namespace ForumManager.Mail;

/// <summary>A message to queue: one recipient, a plain-text part, an optional HTML part and attachments.</summary>
public sealed record MailDraft(string ToAddress, string? ToName, string Subject, string TextBody, string? HtmlBody, string Purpose)
{
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>The sender's display name for this message (the forum's name in the reader's language); the configured one when null.</summary>
    public string? FromName { get; init; }
}

/// <summary>A file sent with a message: an agenda as <c>.ics</c>, a visa letter PDF, a QR code image.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
