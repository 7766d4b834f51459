using ForumManager.Core.Accounts;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Data;
using ForumManager.Features.Forums;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Accounts;

public enum MemberSignInOutcome
{
    /// <summary>Whatever the address turned out to be: the head is told no more than that a message is on its way.</summary>
    Sent,

    /// <summary>The member already signs in with a password of their own; nothing was sent.</summary>
    AlreadySignsIn,

    /// <summary>No account could be made for the address as it is written; nothing was sent.</summary>
    NotAnAccountAddress,
}

/// <summary>
/// Gives a delegation member their own sign-in. An address with no account gets a new account, linked to the member's
/// registration, and a link to choose its password (following it proves the address, so it confirms it too). An address
/// that already has an account is never linked by the head: its owner gets an invitation to accept while signed in
/// (<c>/Identity/Account/JoinDelegation</c>), and no password link. An account with a staff role gets nothing at all.
/// The head's page looks the same in every case, so it does not tell what kind of account an address has.
/// </summary>
public sealed class MemberSignIn(ForumDbContext db, UserManager<ForumUser> users, AccountMail mail, PublicLinks links, TimeProvider clock)
{
    /// <summary>Roles whose accounts are never linked to a delegation member, nor sent anything on a head's word.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [Roles.Staff, Roles.Organizer, Roles.Admin];

    public async Task<MemberSignInOutcome> SendAsync(int memberId, Actor head, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var member = await db.Delegates.Include(d => d.Delegation).SingleAsync(d => d.Id == memberId, ct);
        var linked = member.UserId is { } userId ? await users.FindByIdAsync(userId) : null;
        if (linked is not null && await users.HasPasswordAsync(linked))
        {
            return MemberSignInOutcome.AlreadySignsIn;
        }

        var offer = await db.MemberSignInOffers.SingleOrDefaultAsync(o => o.DelegateId == memberId, ct);
        if (offer is null)
        {
            offer = new MemberSignInOffer { ForumId = member.ForumId, DelegateId = memberId };
            db.MemberSignInOffers.Add(offer);
        }

        offer.SentUtc = now;
        offer.TokenHash = null;
        var account = linked ?? await users.FindByEmailAsync(member.Email);
        Func<Task> send;
        string action;
        if (account is not null && await IsStaffAsync(account))
        {
            // Not even a mail: a head cannot make the forum write to its organizers.
            send = () => Task.CompletedTask;
            action = "sign-in-not-offered-to-staff";
        }
        else if (account is null || account.Id == member.UserId)
        {
            // An account made for this member by this path, with no password yet, or a new one now.
            if (account is null)
            {
                account = NewAccount(member, now);
                if (!(await users.CreateAsync(account)).Succeeded)
                {
                    return MemberSignInOutcome.NotAnAccountAddress;
                }

                await users.AddToRoleAsync(account, Roles.Delegate);
                member.UserId = account.Id;
                member.UpdatedUtc = now;
            }

            var code = AccountTokens.Encode(await users.GeneratePasswordResetTokenAsync(account));
            // "first" only changes the page's words ("Choose a password"); the token alone decides what the link can do.
            var link = links.To("/Identity/Account/ResetPassword", new Dictionary<string, string?> { ["code"] = code, ["email"] = account.Email, ["first"] = "true" });
            var owner = account;
            var forum = await db.Forums.AsNoTracking().SingleAsync(f => f.Id == member.ForumId, ct);
            send = () => mail.SendMemberSignInLinkAsync(owner, owner.Email!, link, forum, member);
            action = "sign-in-link-sent";
        }
        else if (await db.Delegates.AnyAsync(d => d.ForumId == member.ForumId && d.UserId == account.Id, ct))
        {
            // The account has its own registration in this edition: there is nothing it could accept.
            send = () => Task.CompletedTask;
            action = "sign-in-not-offered-registered-account";
        }
        else
        {
            var token = InvitationTokens.NewToken();
            offer.TokenHash = InvitationTokens.Hash(token);
            var link = links.To("/Identity/Account/JoinDelegation", new Dictionary<string, string?> { ["token"] = token });
            var forum = await db.Forums.AsNoTracking().SingleAsync(f => f.Id == member.ForumId, ct);
            var headName = await HeadNameAsync(member, ct);
            var owner = account;
            send = () => mail.SendMemberInvitationAsync(owner, forum, member.Delegation!, headName, link);
            action = "account-invitation-sent";
        }

        db.AuditEntries.Add(head.Audit(member.ForumId, now, nameof(Delegate), member.Id, action, after: member.Email));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same member's sign-in sent from another tab a moment ago: that one stands.
            return MemberSignInOutcome.Sent;
        }

        await send();
        await transaction.CommitAsync(ct);
        return MemberSignInOutcome.Sent;
    }

    public async Task<bool> IsStaffAsync(ForumUser account)
    {
        foreach (var role in StaffRoles)
        {
            if (await users.IsInRoleAsync(account, role))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<string> HeadNameAsync(Delegate member, CancellationToken ct) =>
        await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == member.ForumId && d.DelegationId == member.DelegationId && d.Category == DelegateCategory.HeadOfDelegation)
            .OrderBy(d => d.Id).Select(d => d.GivenName + " " + d.FamilyName).FirstOrDefaultAsync(ct) ?? string.Empty;

    private static ForumUser NewAccount(Delegate member, DateTime now) => new()
    {
        UserName = member.Email,
        Email = member.Email,
        DisplayName = $"{member.GivenName} {member.FamilyName}",
        PreferredCulture = member.PreferredLanguage,
        CreatedUtc = now,
    };
}
