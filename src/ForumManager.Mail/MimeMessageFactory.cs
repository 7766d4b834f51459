using MimeKit;
using MimeKit.Utils;

namespace ForumManager.Mail;

internal static class MimeMessageFactory
{
    public static MimeMessage Create(MailDraft draft, string from, DateTimeOffset now)
    {
        var sender = MailboxAddress.Parse(from);
        if (!string.IsNullOrWhiteSpace(draft.FromName))
        {
            sender = new MailboxAddress(draft.FromName, sender.Address);
        }

        var message = new MimeMessage();
        message.From.Add(sender);

        // Display names stay in their own script; MimeKit encodes them (RFC 2047, UTF-8) as it does the subject.
        message.To.Add(new MailboxAddress(draft.ToName ?? string.Empty, draft.ToAddress));
        message.Subject = draft.Subject;
        message.Date = now;
        var domain = sender.Domain is { Length: > 0 } d ? d : "forummanager.local";
        message.MessageId = MimeUtils.GenerateMessageId(domain);

        var body = new BodyBuilder { TextBody = draft.TextBody, HtmlBody = draft.HtmlBody };
        foreach (var attachment in draft.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
