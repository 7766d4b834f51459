using ForumManager.Core.Auditing;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using ForumManager.Features.Delegates;
using ForumManager.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Privacy;

/// <summary>
/// After an edition's retention period, its delegates' personal data goes: names, contact, needs, passport data and
/// the mail sent to them, their photos, free-text answers and files waiting to be imported. What remains is counts: category, status, country and delegation, for the record.
/// A purge is a change like any other to the outside systems: every purged delegate gets a new change number and a
/// <c>delegate.changed</c> event marked <c>purged</c>, so a partner synchronising or subscribed drops what it keeps.
/// </summary>
public sealed class PersonalDataPurge(ForumDbContext db, TimeProvider clock, WebhookSignal signal)
{
    /// <summary>The address a purged delegate is left with, which also marks the delegate as purged.</summary>
    public const string PurgedDomain = "@purged.invalid";

    public static DateOnly PurgeableFrom(Core.Forums.Forum forum) => forum.EndDate.AddDays(forum.RetentionDays);

    public bool IsDue(Core.Forums.Forum forum) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) >= PurgeableFrom(forum);

    /// <summary>How many delegates of the edition still have personal data a purge would remove.</summary>
    public Task<int> HeldAsync(Core.Forums.Forum forum, CancellationToken ct)
    {
        var forumId = forum.Id;
        return db.Delegates.CountAsync(d => d.ForumId == forumId && !d.Email.EndsWith(PurgedDomain), ct);
    }

    /// <returns>How many delegates' data was removed.</returns>
    public async Task<int> PurgeAsync(Core.Forums.Forum forum, Actor actor, CancellationToken ct)
    {
        if (!IsDue(forum))
        {
            throw new InvalidOperationException("The retention period of this forum has not ended.");
        }

        var forumId = forum.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var targets = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId && !d.Email.EndsWith(PurgedDomain))
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.Email, d.Reference, d.Status, d.DelegationId }).ToListAsync(ct);
        // The outbox does not say which edition a mail was for: mail to someone who is also a delegate of another edition,
        // or invited to one (last edition's heads invited again), whose data is not purged, stays, or purging last year's edition would take this year's mail with it.
        var emails = targets.Select(d => d.Email).ToList();
        var elsewhere = (await db.Delegates.AsNoTracking().Where(d => d.ForumId != forumId && emails.Contains(d.Email)).Select(d => d.Email).Distinct().ToListAsync(ct))
            .Concat(await db.Invitations.AsNoTracking().Where(i => i.ForumId != forumId && emails.Contains(i.Email)).Select(i => i.Email).Distinct().ToListAsync(ct))
            .ToList();
        var onlyHere = emails.Except(elsewhere, StringComparer.OrdinalIgnoreCase).ToList();
        await db.OutboxMessages.Where(m => onlyHere.Contains(m.ToAddress)).ExecuteDeleteAsync(ct);

        // The counter is raised once, by the number purged, in this transaction (which holds its row or the write lock
        // to the end, as every save does); the rows take the numbers in id order.
        await db.ChangeCounters.Where(c => c.Name == ForumDbContext.DelegateChanges)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + targets.Count), ct);
        var last = await db.ChangeCounters.Where(c => c.Name == ForumDbContext.DelegateChanges).Select(c => c.Value).SingleAsync(ct);
        var number = last - targets.Count;
        foreach (var target in targets)
        {
            var id = target.Id;
            var seq = ++number;
            await db.Delegates.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ChangeSeq, seq), ct);
            WebhookEventLog.Add(db, forumId, WebhookEvents.DelegateChanged,
                WebhookEventLog.PurgedData(id, target.Reference, target.Status, target.DelegationId, seq), now);
        }

        var purged = await db.Delegates.Where(d => d.ForumId == forumId && !d.Email.EndsWith(PurgedDomain))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.UpdatedUtc, now)
                .SetProperty(d => d.FamilyName, "Purged")
                .SetProperty(d => d.GivenName, d => "#" + d.Id)
                .SetProperty(d => d.NativeName, (string?)null)
                .SetProperty(d => d.SearchKey, string.Empty)
                .SetProperty(d => d.Email, d => "delegate-" + d.Id + PurgedDomain)
                .SetProperty(d => d.Phone, (string?)null)
                .SetProperty(d => d.Position, (string?)null)
                .SetProperty(d => d.Organization, (string?)null)
                .SetProperty(d => d.Gender, (Core.Delegates.Gender?)null)
                .SetProperty(d => d.DietaryNeeds, (string?)null)
                .SetProperty(d => d.AccessibilityNeeds, (string?)null)
                .SetProperty(d => d.PassportNumberProtected, (string?)null)
                .SetProperty(d => d.DateOfBirthProtected, (string?)null)
                .SetProperty(d => d.PassportExpiry, (DateOnly?)null)
                .SetProperty(d => d.PassportPlaceOfIssue, (string?)null)
                .SetProperty(d => d.Nationality, (string?)null)
                .SetProperty(d => d.StatusReason, (string?)null)
                .SetProperty(d => d.UserId, (string?)null), ct);

        // Free-text answers may say anything about a person; choices and yes/no stay, as counts do.
        await db.DelegateAnswers.Where(a => a.Text != null && a.Question!.Kind == Core.Registration.QuestionKind.Text && a.Question.ForumId == forumId)
            .ExecuteDeleteAsync(ct);
        await db.PendingImports.Where(p => p.ForumId == forumId).ExecuteDeleteAsync(ct);

        // A face is personal data like any other: the photos go, none is kept for the record.
        await db.DelegatePhotos.Where(p => p.ForumId == forumId).ExecuteDeleteAsync(ct);
        await db.NoticeBatches.Where(b => b.ForumId == forumId).ExecuteDeleteAsync(ct);

        // Flights, trains and what someone asked of the hotel say where a person was; rooms given out stay, as counts.
        await db.Journeys.Where(j => j.ForumId == forumId).ExecuteDeleteAsync(ct);
        await db.AccommodationRequests.Where(r => r.ForumId == forumId).ExecuteDeleteAsync(ct);

        // So does who sat beside whom; the layouts and the meetings' records stay, their people now only references.
        await db.SeatAssignments.Where(a => a.ForumId == forumId).ExecuteDeleteAsync(ct);

        // The history held the same data (reasons, reveals); its entries about this edition's delegates go too, but for
        // the record of which API token was shown whose passport: it names a delegate by id only, and stays.
        await db.AuditEntries.Where(a => a.ForumId == forumId && a.EntityType == "Delegate" && a.Action != DelegateRecords.RevealedAction)
            .ExecuteDeleteAsync(ct);
        db.AuditEntries.Add(actor.Audit(forumId, now, nameof(Core.Forums.Forum), forumId, "purged-personal-data",
            after: $"{purged} delegates"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        signal.Wake();
        return purged;
    }
}
