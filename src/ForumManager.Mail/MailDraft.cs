namespace ForumManager.Mail;

/// <summary>A message to queue: one recipient, a plain-text part and an optional HTML part.</summary>
public sealed record MailDraft(string ToAddress, string? ToName, string Subject, string TextBody, string? HtmlBody, string Purpose);
