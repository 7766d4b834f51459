using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features.Privacy;
using ForumManager.Features.Registration;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Editions;

/// <summary>Why a head of last edition was not invited.</summary>
public enum HeadSkipped
{
    /// <summary>Carried over before (by this action, accepted or not).</summary>
    AlreadyCarriedOver,

    /// <summary>Already has an invitation to this edition, or already registered in it.</summary>
    AlreadyInvitedOrRegistered,

    /// <summary>Last edition's personal data was purged: there is no address left to write to.</summary>
    Purged,
}

/// <summary>What inviting last edition's heads did: the edition they came from, who was invited, who not and why.</summary>
public sealed record HeadsInvitationReport(Forum? From, IReadOnlyList<string> Invited, IReadOnlyList<(string Email, HeadSkipped Reason)> Skipped)
{
    public int Count(HeadSkipped reason) => Skipped.Count(s => s.Reason == reason);
}

/// <summary>
/// Invites, in one action, every head of a delegation of the edition this one was cloned from (or else the previous
/// edition by date) to head their delegation again, through the delegation invitations and their mail. Carrying a head
/// over is recorded on the invitation and a unique index holds it to once per address, so running it twice, or twice at
/// once, invites each head once.
/// </summary>
public sealed class LastEditionHeads(ForumDbContext db, DelegationInvitations invitations, TimeProvider clock)
{
    public async Task<Forum?> PreviousAsync(Forum forum, CancellationToken ct)
    {
        if (forum.ClonedFromId is { } from)
        {
            return await db.Forums.AsNoTracking().SingleOrDefaultAsync(f => f.Id == from, ct);
        }

        var start = forum.StartDate;
        return await db.Forums.AsNoTracking().Where(f => f.StartDate < start).OrderByDescending(f => f.StartDate).FirstOrDefaultAsync(ct);
    }

    public async Task<HeadsInvitationReport> InviteAsync(Forum forum, Actor actor, CancellationToken ct)
    {
        var previous = await PreviousAsync(forum, ct);
        if (previous is null)
        {
            return new HeadsInvitationReport(null, [], []);
        }

        var fromId = previous.Id;
        var heads = await db.Delegates.AsNoTracking().Include(d => d.Delegation).ThenInclude(d => d!.PartnerCity)
            .Where(d => d.ForumId == fromId && d.Category == DelegateCategory.HeadOfDelegation && d.DelegationId != null
                && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected)
            .OrderBy(d => d.Id).ToListAsync(ct);
        var members = await db.Delegates.AsNoTracking().Where(d => d.ForumId == fromId && d.DelegationId != null && d.Status == RegistrationStatus.Approved)
            .GroupBy(d => d.DelegationId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var toId = forum.Id;
        var sent = new List<string>();
        var skipped = new List<(string, HeadSkipped)>();

        // Who is already invited is read inside the transaction: a second run waiting for the first (SQLite's write
        // lock) then sees every head the first invited and sends nothing again; where two read at once (SQL Server),
        // the unique index below refuses the later one whole.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var carried = (await db.Invitations.AsNoTracking().Where(i => i.ForumId == toId && i.CarriedFromForumId == fromId).Select(i => i.Email).ToListAsync(ct))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var invited = (await db.Invitations.AsNoTracking().Where(i => i.ForumId == toId).Select(i => i.Email).ToListAsync(ct))
            .Concat(await db.Delegates.AsNoTracking().Where(d => d.ForumId == toId).Select(d => d.Email).ToListAsync(ct))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var head in heads.DistinctBy(h => h.Email, StringComparer.OrdinalIgnoreCase))
        {
            var delegation = head.Delegation!;
            HeadSkipped? reason = head.Email.EndsWith(PersonalDataPurge.PurgedDomain, StringComparison.OrdinalIgnoreCase) ? HeadSkipped.Purged
                : carried.Contains(head.Email) ? HeadSkipped.AlreadyCarriedOver
                : invited.Contains(head.Email) ? HeadSkipped.AlreadyInvitedOrRegistered
                : null;
            if (reason is { } why)
            {
                skipped.Add((head.Email, why));
                continue;
            }

            // The delegation is found again by its English name (the clone kept it), or made as it was.
            var city = delegation.PartnerCity is { } c && DelegationInvitations.NameEn(c, null) == delegation.NameEn ? c : null;
            var quota = delegation.Quota ?? Math.Max(1, members.GetValueOrDefault(delegation.Id));
            var result = await invitations.InviteAsync(forum, city, city is null ? delegation.NameEn : null, delegation.CountryCode, head.Email, quota,
                actor.Name, ct);
            if (result.Outcome != InvitationOutcome.Invited)
            {
                skipped.Add((head.Email, HeadSkipped.AlreadyInvitedOrRegistered));
                continue;
            }

            var invitation = db.Invitations.Local.Single(i => i.ForumId == toId && i.Email == head.Email && i.Id == 0);
            invitation.CarriedFromForumId = fromId;
            sent.Add(head.Email);
        }

        if (sent.Count > 0)
        {
            db.AuditEntries.Add(actor.Audit(toId, clock.GetUtcNow().UtcDateTime, nameof(Forum), toId,
                "invited-last-heads", before: previous.Acronym, after: $"{sent.Count} invited, {skipped.Count} skipped"));
        }

        // The unique index on (edition, earlier edition, address) refuses a second run that read before this one saved:
        // that run fails whole, mails included, since they are queued in the same transaction.
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new HeadsInvitationReport(previous, sent, skipped);
    }
}
