using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features.Notices;
using ForumManager.Mail;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Registration;

/// <summary>How a delegate came to be admitted: who did it, the audit's word for it, and the status a free place gives.</summary>
public sealed record Admission(Actor Actor, string AuditAction, RegistrationStatus WithPlace = RegistrationStatus.Submitted, string? Note = null);

/// <summary>
/// Admitting a delegate, however they arrive (the registration form, a head adding a member, a row of an import), in
/// one place: a free place is taken atomically or the delegate joins the waiting list, the record is added, its notice
/// is queued in the outbox, and the admission is audited, all in one transaction. Called inside a transaction the
/// caller opened (registration, import), it joins it and the caller commits; called alone, it commits its own.
/// </summary>
public sealed class Admissions(ForumDbContext db, ForumPlaces places, MailQueue mail, NoticeRenderer notices, TimeProvider clock)
{
    public async Task AdmitAsync(Forum forum, Delegate record, Admission admission, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (own)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            record.ForumId = forum.Id;
            record.Status = await places.TryTakeAsync(forum.Id, ct) ? admission.WithPlace : RegistrationStatus.Waitlisted;
            record.CreatedUtc = now;
            record.UpdatedUtc = now;
            db.Delegates.Add(record);
            await notices.QueueAsync(forum, record, RegistrationNotices.ForStatus(record.Status), NoticeExtras.None, ct);
            await db.SaveChangesAsync(ct);
            db.AuditEntries.Add(admission.Actor.Audit(forum.Id, now, nameof(Delegate), record.Id, admission.AuditAction,
                after: admission.Note is null ? record.Status.ToString() : $"{record.Status} ({admission.Note})"));
            await db.SaveChangesAsync(ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
                mail.NotifySaved();
            }
        }
    }
}
