using MimeKit;
using MimeKit.Utils;

namespace ForumManager.Mail;

internal static class MimeMessageFactory
{
    public static MimeMessage Create(MailDraft draft, string from, DateTimeOffset now)
    {
        var sender = MailboxAddress.Parse(from);
        var message = new MimeMessage();
        message.From.Add(sender);
        message.To.Add(new MailboxAddress(draft.ToName ?? string.Empty, draft.ToAddress));
        message.Subject = draft.Subject;
        message.Date = now;
        var domain = sender.Domain is { Length: > 0 } d ? d : "forummanager.local";
        message.MessageId = MimeUtils.GenerateMessageId(domain);

        var body = new BodyBuilder { TextBody = draft.TextBody, HtmlBody = draft.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }
}
