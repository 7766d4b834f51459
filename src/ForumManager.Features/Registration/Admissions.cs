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
/// caller opened (registration, import), it joins it and the caller saves the audit line with its own changes and
/// commits; called alone, it commits its own.
/// </summary>
public sealed class Admissions(ForumDbContext db, ForumPlaces places, MailQueue mail, NoticeRenderer notices, TimeProvider clock,
    Dashboard.DashboardCounts dashboard)
{
    public Task AdmitAsync(Forum forum, Delegate record, Admission admission, CancellationToken ct) => AdmitAllAsync(forum, [(record, admission)], ct);

    /// <summary>Admits several at once (an import's rows), in order, saving them together.</summary>
    public async Task AdmitAllAsync(Forum forum, IReadOnlyList<(Delegate Record, Admission How)> admissions, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (own)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (record, how) in admissions)
            {
                record.ForumId = forum.Id;
                record.Status = await places.TryTakeAsync(forum.Id, ct) ? how.WithPlace : RegistrationStatus.Waitlisted;
                record.CreatedUtc = now;
                record.UpdatedUtc = now;
                db.Delegates.Add(record);
                await notices.QueueAsync(forum, record, RegistrationNotices.ForStatus(record.Status), NoticeExtras.None, ct);
            }

            await db.SaveChangesAsync(ct);
            foreach (var (record, how) in admissions)
            {
                db.AuditEntries.Add(how.Actor.Audit(forum.Id, now, nameof(Delegate), record.Id, how.AuditAction,
                    after: how.Note is null ? record.Status.ToString() : $"{record.Status} ({how.Note})"));
            }

            if (own is not null)
            {
                await db.SaveChangesAsync(ct);
                await own.CommitAsync(ct);
                mail.NotifySaved();
            }

            // Counted once saved; a caller's own transaction that fails later still counts them (rare, and only a count).
            foreach (var (record, _) in admissions)
            {
                FeatureTelemetry.CountStatusChange(forum.Id, FeatureTelemetry.NewRegistration, record.Status.ToString());
            }
        }

        // The organizers' overview counts the newcomers on its next view (inside a caller's transaction, at most a few
        // seconds after the caller commits).
        await dashboard.ForgetAsync(forum.Id, ct);
    }
}
