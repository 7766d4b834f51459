using ForumManager.Core.Accounts;
using ForumManager.Data;
using ForumManager.Web.Areas.Identity.Pages.Account;
using ForumManager.Web.Infrastructure;
using ForumManager.Web.Registration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Accounts;

public enum MemberSignInOutcome
{
    Sent,

    /// <summary>The member already signs in with a password of their own; nothing was sent.</summary>
    AlreadySignsIn,

    /// <summary>The address belongs to an account that already has a registration in this edition; nothing changed.</summary>
    AccountTaken,
}

/// <summary>
/// Gives a delegation member their own sign-in: an account for their address (made if there is none, and linked to
/// their registration in one transaction) and a mail with a link to choose a password. Following the link proves the
/// address is theirs, so choosing the password also confirms it.
/// </summary>
public sealed class MemberSignIn(ForumDbContext db, UserManager<ForumUser> users, IdentityMailSender mail, PublicLinks links, TimeProvider clock)
{
    public async Task<MemberSignInOutcome> SendAsync(int memberId, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var member = await db.Delegates.SingleAsync(d => d.Id == memberId, ct);
        var user = member.UserId is { } userId ? await users.FindByIdAsync(userId) : await users.FindByEmailAsync(member.Email);
        if (user is not null && member.UserId is not null && await users.HasPasswordAsync(user))
        {
            return MemberSignInOutcome.AlreadySignsIn;
        }

        if (member.UserId is null)
        {
            if (user is not null && await db.Delegates.AnyAsync(d => d.ForumId == member.ForumId && d.UserId == user.Id, ct))
            {
                return MemberSignInOutcome.AccountTaken;
            }

            if (user is null)
            {
                user = NewAccount(member, now);
                if (!(await users.CreateAsync(user)).Succeeded)
                {
                    return MemberSignInOutcome.AccountTaken;
                }
            }

            if (!await users.IsInRoleAsync(user, Roles.Delegate))
            {
                await users.AddToRoleAsync(user, Roles.Delegate);
            }

            member.UserId = user.Id;
            member.UpdatedUtc = now;
        }

        db.AuditEntries.Add(actor.Audit(member.ForumId, now, nameof(Delegate), member.Id, "sign-in-link-sent", after: member.Email));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The account was linked to another registration of this edition a moment ago.
            return MemberSignInOutcome.AccountTaken;
        }

        var code = AccountTokens.Encode(await users.GeneratePasswordResetTokenAsync(user!));
        var link = links.To("/Identity/Account/ResetPassword", new Dictionary<string, string?> { ["code"] = code, ["email"] = user!.Email });
        await mail.SendMemberSignInLinkAsync(user, user.Email!, link);
        await transaction.CommitAsync(ct);
        return MemberSignInOutcome.Sent;
    }

    private static ForumUser NewAccount(Delegate member, DateTime now) => new()
    {
        UserName = member.Email,
        Email = member.Email,
        DisplayName = $"{member.GivenName} {member.FamilyName}",
        PreferredCulture = member.PreferredLanguage,
        CreatedUtc = now,
    };
}
