using System.Diagnostics;
using ForumManager.Core.Mail;
using ForumManager.Data;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ForumManager.Mail;

/// <summary>
/// Puts messages in the database outbox, encrypted (<see cref="OutboxContent"/>). <see cref="Add"/> only stages the
/// row, so that a caller's own <c>SaveChanges</c> writes its change and the notice about it together, or neither.
/// </summary>
public sealed class MailQueue(ForumDbContext db, IOptions<MailOptions> options, TimeProvider clock, OutboxSignal signal, OutboxContent content)
{
    public OutboxMessage Add(MailDraft draft)
    {
        // A span inside the caller's (a request's trace shows the notice it queued), named by purpose, never by recipient.
        using var activity = OutboxTelemetry.Source.StartActivity("outbox queued", ActivityKind.Producer);
        activity?.SetTag(OutboxTelemetry.PurposeTag, draft.Purpose);
        var message = MimeMessageFactory.Create(draft, options.Value.From, clock.GetUtcNow());
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new OutboxMessage
        {
            CreatedUtc = now,
            NextAttemptUtc = now,
            ToAddress = draft.ToAddress,
            ToName = draft.ToName,
            Subject = draft.Subject,
            Purpose = draft.Purpose,
            MessageId = message.MessageId ?? throw new InvalidOperationException("A queued message has no Message-Id."),
            MimeContent = content.Protect(stream.ToArray()),
            Status = OutboxStatus.Queued,
        };
        db.OutboxMessages.Add(row);
        OutboxTelemetry.Queued.Add(1, new KeyValuePair<string, object?>(OutboxTelemetry.PurposeTag, draft.Purpose));
        return row;
    }

    public async Task<OutboxMessage> EnqueueAsync(MailDraft draft, CancellationToken ct)
    {
        var row = Add(draft);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return row;
    }

    /// <summary>Tells the dispatcher that messages staged with <see cref="Add"/> have been saved.</summary>
    public void NotifySaved() => signal.Wake();
}
