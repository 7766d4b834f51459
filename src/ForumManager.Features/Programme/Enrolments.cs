using ForumManager.Core.Delegates;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Features.Notices;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Programme;

public enum EnrolOutcome
{
    Enrolled,
    Waitlisted,
    AlreadyEnrolled,

    /// <summary>The delegate is already enrolled (or waiting) in a session at the same time; <see cref="EnrolResult.Clash"/> names it.</summary>
    Clash,

    /// <summary>The session takes no enrolment, is not public, or the registration does not allow it.</summary>
    NotOpen,
}

public sealed record EnrolResult(EnrolOutcome Outcome, Session? Clash = null);

/// <summary>
/// Enrolment in sessions with seats. Seats are counted by the database with one conditional update, so concurrent
/// enrolments never overbook; the rest wait in line, and a seat that frees goes to the first in line.
/// </summary>
public sealed class Enrolments(ForumDbContext db, ForumManager.Mail.MailQueue mail, TimeProvider clock, NoticeRenderer notices)
{
    public async Task<EnrolResult> EnrolAsync(Delegate delegate_, int sessionId, CancellationToken ct)
    {
        if (delegate_.Status != RegistrationStatus.Approved)
        {
            return new EnrolResult(EnrolOutcome.NotOpen);
        }

        var forumId = delegate_.ForumId;
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.ForumId == forumId && s.IsPublic && s.Capacity != null, ct);
        if (session is null)
        {
            return new EnrolResult(EnrolOutcome.NotOpen);
        }

        var delegateId = delegate_.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The seat is taken first, by one conditional update that is also the session's row lock for the rest of the
        // transaction: nobody jumps the queue (a free seat goes to a newcomer only when no one waits for it), and
        // enrolments, withdrawals and promotions in one session happen one after another on every provider. What is
        // found wrong below rolls the seat back with everything else.
        var seated = await db.Sessions
            .Where(s => s.Id == sessionId && s.Capacity != null && s.EnrolledCount < s.Capacity
                && !db.Enrolments.Any(e => e.SessionId == sessionId && e.Status == EnrolmentStatus.Waitlisted))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EnrolledCount, x => x.EnrolledCount + 1), ct) == 1;
        if (!seated)
        {
            await LockAsync(sessionId, ct);
        }

        // Checked inside the transaction, behind the session's lock, so two tabs cannot slip past each other.
        var clash = await db.Enrolments.AsNoTracking().Where(e => e.DelegateId == delegateId)
            .Select(e => e.Session!).Where(s => s.Id == sessionId || (s.StartUtc < session.EndUtc && session.StartUtc < s.EndUtc))
            .OrderBy(s => s.Id == sessionId ? 0 : 1).Select(s => new { s.Id, Session = s }).FirstOrDefaultAsync(ct);
        if (clash is not null)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return clash.Id == sessionId ? new EnrolResult(EnrolOutcome.AlreadyEnrolled) : new EnrolResult(EnrolOutcome.Clash, clash.Session);
        }

        db.Enrolments.Add(new Enrolment
        {
            SessionId = sessionId, DelegateId = delegateId, CreatedUtc = clock.GetUtcNow().UtcDateTime,
            Status = seated ? EnrolmentStatus.Enrolled : EnrolmentStatus.Waitlisted,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same delegate enrolled a moment ago in another tab: the unique index kept one, and the seat goes back.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return new EnrolResult(EnrolOutcome.AlreadyEnrolled);
        }

        await transaction.CommitAsync(ct);
        return new EnrolResult(seated ? EnrolOutcome.Enrolled : EnrolOutcome.Waitlisted);
    }

    /// <summary>Leaves a session; a seat that frees goes to the first on its waiting list.</summary>
    public async Task<bool> WithdrawAsync(Delegate delegate_, int sessionId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var left = await LeaveAsync(delegate_.Id, sessionId, ct);
        await transaction.CommitAsync(ct);
        mail.NotifySaved();
        return left;
    }

    /// <summary>
    /// Takes a delegate out of every session, when their registration is cancelled, rejected or put back on the
    /// forum's waiting list; their seats go to those waiting. Runs in the caller's transaction when there is one.
    /// </summary>
    public async Task LeaveAllAsync(int delegateId, CancellationToken ct)
    {
        var sessions = await db.Enrolments.Where(e => e.DelegateId == delegateId).Select(e => e.SessionId).ToListAsync(ct);
        foreach (var sessionId in sessions)
        {
            await LeaveAsync(delegateId, sessionId, ct);
        }
    }

    /// <summary>
    /// Gives free seats to those waiting, first come first served, after seats were added or freed: the session's
    /// row is locked, each promotion takes one seat with a conditional update, and each promoted delegate is told.
    /// </summary>
    public async Task<int> FillFreedSeatsAsync(int sessionId, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await LockAsync(sessionId, ct);
        var promoted = 0;
        while (true)
        {
            var next = await db.Enrolments.Where(e => e.SessionId == sessionId && e.Status == EnrolmentStatus.Waitlisted)
                .OrderBy(e => e.CreatedUtc).ThenBy(e => e.Id).Select(e => e.Id).FirstOrDefaultAsync(ct);
            if (next == 0)
            {
                break;
            }

            var seat = await db.Sessions.Where(s => s.Id == sessionId && (s.Capacity == null || s.EnrolledCount < s.Capacity))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EnrolledCount, x => x.EnrolledCount + 1), ct) == 1;
            if (!seat)
            {
                break;
            }

            await db.Enrolments.Where(e => e.Id == next).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EnrolmentStatus.Enrolled), ct);
            await NotifyPromotedAsync(next, ct);
            promoted++;
        }

        if (own is not null)
        {
            await own.CommitAsync(ct);
            await own.DisposeAsync();
        }

        if (promoted > 0)
        {
            mail.NotifySaved();
        }

        return promoted;
    }

    private async Task<bool> LeaveAsync(int delegateId, int sessionId, CancellationToken ct)
    {
        await LockAsync(sessionId, ct);
        var enrolment = await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.SessionId == sessionId && e.DelegateId == delegateId, ct);
        if (enrolment is null || await db.Enrolments.Where(e => e.Id == enrolment.Id).ExecuteDeleteAsync(ct) == 0)
        {
            return false;
        }

        if (enrolment.Status == EnrolmentStatus.Enrolled)
        {
            await db.Sessions.Where(s => s.Id == sessionId && s.EnrolledCount > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EnrolledCount, x => x.EnrolledCount - 1), ct);
            await FillFreedSeatsAsync(sessionId, ct);
        }

        return true;
    }

    /// <summary>
    /// Takes the session's row lock for the rest of the transaction (an update that changes nothing), so that
    /// enrolments, withdrawals and promotions in one session happen one after another on every provider.
    /// </summary>
    private Task<int> LockAsync(int sessionId, CancellationToken ct) =>
        db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.EnrolledCount, x => x.EnrolledCount), ct);

    /// <summary>The first in line learns, through the promotion template in their language, that a seat is now theirs.</summary>
    private async Task NotifyPromotedAsync(int enrolmentId, CancellationToken ct)
    {
        var promoted = await db.Enrolments.AsNoTracking().Where(e => e.Id == enrolmentId)
            .Select(e => new { e.DelegateId, e.Session!.TitleEn, e.Session.TitleZh, e.Session.StartUtc, RoomEn = e.Session.Room == null ? null : e.Session.Room.NameEn, RoomZh = e.Session.Room == null ? null : e.Session.Room.NameZh })
            .SingleAsync(ct);
        var person = await db.Delegates.AsNoTracking().Include(d => d.Delegation).SingleAsync(d => d.Id == promoted.DelegateId, ct);
        var forum = await db.Forums.AsNoTracking().SingleAsync(f => f.Id == person.ForumId, ct);
        var draft = await notices.RenderAsync(forum, person, Core.Notices.NoticeKind.Promoted,
            new NoticeExtras(promoted.TitleEn, promoted.TitleZh, promoted.StartUtc, promoted.RoomEn, promoted.RoomZh), ct);
        mail.Add(draft with { Purpose = "programme.enrolment-promoted" });
        await db.SaveChangesAsync(ct);
    }
}
