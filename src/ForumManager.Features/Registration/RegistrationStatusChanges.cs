using System.Globalization;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Data;
using ForumManager.Features.Privacy;
using ForumManager.Features.Logistics;
using ForumManager.Features.Notices;
using ForumManager.Features.Programme;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Registration;

public sealed record StatusChangeResult(int Changed, IReadOnlyList<int> Refused, int Promoted);

public enum ReinstateOutcome
{
    /// <summary>A place was free: the registration holds it again, approved.</summary>
    Approved,

    /// <summary>Every place is taken; nothing changed.</summary>
    Full,

    /// <summary>The registration is not cancelled (or its personal data is gone): nothing to reinstate.</summary>
    NotCancelled,
}

/// <summary>
/// Changes registrations' status in one transaction: the place count follows (a freed place goes to the first on the
/// waiting list), every change is audited and its notice is queued, or nothing happens at all.
/// </summary>
public sealed class RegistrationStatusChanges(ForumDbContext db, ForumPlaces places, MailQueue mail, TimeProvider clock, Enrolments enrolments,
    NoticeRenderer notices, RoomAllocations rooms, TransferPlanning transfers, Dashboard.DashboardCounts dashboard)
{
    public async Task<StatusChangeResult> ChangeAsync(int forumId, IReadOnlyCollection<int> delegateIds, RegistrationStatus to, string? reason,
        Actor actor, bool byOrganizer, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().SingleAsync(f => f.Id == forumId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var registrations = await db.Delegates.Where(d => d.ForumId == forumId && delegateIds.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync(ct);
        var refused = delegateIds.Except(registrations.Select(d => d.Id)).ToList();
        var changed = 0;
        var freed = 0;
        var moves = new List<(RegistrationStatus From, RegistrationStatus To)>();
        foreach (var registration in registrations)
        {
            var from = registration.Status;
            var allowed = byOrganizer ? StatusTransitions.OrganizerMay(from, to) : StatusTransitions.DelegateMay(from, to);
            if (!allowed)
            {
                refused.Add(registration.Id);
                continue;
            }

            if (!StatusTransitions.HoldsPlace(from) && StatusTransitions.HoldsPlace(to) && !await places.TryTakeAsync(forumId, ct))
            {
                // Full: an organizer cannot approve past the capacity; raise the capacity first.
                refused.Add(registration.Id);
                continue;
            }

            if (StatusTransitions.HoldsPlace(from) && !StatusTransitions.HoldsPlace(to))
            {
                await places.ReleaseAsync(forumId, ct);
                freed++;
            }

            await ApplyAsync(registration, to, reason, actor, now, forum, ct);
            moves.Add((from, to));
            changed++;
            if (to is RegistrationStatus.Cancelled or RegistrationStatus.Rejected or RegistrationStatus.Waitlisted)
            {
                // A registration that no longer holds a place gives up its session seats to those waiting for them,
                // its hotel room (the next rooming list marks it cancelled) and its pickup seat.
                await enrolments.LeaveAllAsync(registration.Id, ct);
                await rooms.VacateAsync(forumId, registration.Id, actor, ct);
                foreach (var journey in await db.Journeys.Where(j => j.DelegateId == registration.Id && (j.TransferId != null || j.PickupWaveId != null)).Select(j => j.Id).ToListAsync(ct))
                {
                    await transfers.ReleaseSeatAsync(journey, ct);
                    await db.Journeys.Where(j => j.Id == journey).ExecuteUpdateAsync(u => u.SetProperty(j => j.PickupWaveId, (int?)null), ct);
                }
            }
        }

        await db.SaveChangesAsync(ct);
        var promoted = freed > 0 ? await PromoteAsync(forum, freed, now, ct) : 0;
        await transaction.CommitAsync(ct);
        foreach (var (from, into) in moves)
        {
            FeatureTelemetry.CountStatusChange(forumId, from.ToString(), into.ToString());
        }

        for (var i = 0; i < promoted; i++)
        {
            FeatureTelemetry.CountStatusChange(forumId, nameof(RegistrationStatus.Waitlisted), nameof(RegistrationStatus.Submitted));
        }

        mail.NotifySaved();
        await dashboard.ForgetAsync(forumId, ct);
        return new StatusChangeResult(changed, refused, promoted);
    }

    /// <summary>How many wait for a place: those a freed place would go to, first come first served.</summary>
    public Task<int> WaitingAsync(int forumId, CancellationToken ct) =>
        db.Delegates.CountAsync(d => d.ForumId == forumId && d.Status == RegistrationStatus.Waitlisted, ct);

    /// <summary>
    /// Gives a cancelled (or withdrawn) registration its place back, approved, when a place is free: the place is taken
    /// by the same conditional update as any other, so a reinstatement never overbooks. Audited; the delegate is mailed
    /// the approval.
    /// </summary>
    public async Task<ReinstateOutcome> ReinstateAsync(int forumId, int delegateId, Actor actor, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().SingleAsync(f => f.Id == forumId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var registration = await db.Delegates.SingleOrDefaultAsync(d => d.ForumId == forumId && d.Id == delegateId, ct);
        if (registration is not { Status: RegistrationStatus.Cancelled } || registration.Email.EndsWith(PersonalDataPurge.PurgedDomain, StringComparison.Ordinal))
        {
            return ReinstateOutcome.NotCancelled;
        }

        if (!await places.TryTakeAsync(forumId, ct))
        {
            return ReinstateOutcome.Full;
        }

        await ApplyAsync(registration, RegistrationStatus.Approved, null, actor, clock.GetUtcNow().UtcDateTime, forum, ct, action: "reinstated");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        FeatureTelemetry.CountStatusChange(forumId, nameof(RegistrationStatus.Cancelled), nameof(RegistrationStatus.Approved));
        mail.NotifySaved();
        await dashboard.ForgetAsync(forumId, ct);
        return ReinstateOutcome.Approved;
    }

    /// <summary>Gives free places to the waiting list, first come first served.</summary>
    private async Task<int> PromoteAsync(Core.Forums.Forum forum, int freePlaces, DateTime now, CancellationToken ct)
    {
        var next = await db.Delegates
            .Where(d => d.ForumId == forum.Id && d.Status == RegistrationStatus.Waitlisted)
            .OrderBy(d => d.CreatedUtc).ThenBy(d => d.Id)
            .Take(freePlaces)
            .ToListAsync(ct);
        var promoted = 0;
        foreach (var registration in next)
        {
            if (!await places.TryTakeAsync(forum.Id, ct))
            {
                break;
            }

            await ApplyAsync(registration, RegistrationStatus.Submitted, null, Actor.System, now, forum, ct, Core.Notices.NoticeKind.Promoted);
            promoted++;
        }

        await db.SaveChangesAsync(ct);
        return promoted;
    }

    private async Task ApplyAsync(Delegate registration, RegistrationStatus to, string? reason, Actor actor, DateTime now, Core.Forums.Forum forum, CancellationToken ct,
        Core.Notices.NoticeKind? notice = null, string action = "status")
    {
        var before = $"{registration.Status}";
        registration.Status = to;
        registration.StatusReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        registration.UpdatedUtc = now;
        db.AuditEntries.Add(actor.Audit(registration.ForumId, now, nameof(Delegate), registration.Id, notice == Core.Notices.NoticeKind.Promoted ? "promoted" : action,
            before, registration.StatusReason is null ? to.ToString() : $"{to}: {registration.StatusReason}"));
        await notices.QueueAsync(forum, registration, notice ?? RegistrationNotices.ForStatus(to), NoticeExtras.None, ct);
    }
}
