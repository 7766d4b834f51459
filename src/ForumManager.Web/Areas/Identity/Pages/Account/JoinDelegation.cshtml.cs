using ForumManager.Core.Accounts;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Accounts;
using ForumManager.Features.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The owner of an existing account, signed in, answers a head of delegation who named their address as a member: they
/// see the delegation, its head and the registration, and accept (their account is linked to it and becomes a
/// delegate's) or decline. Nothing happens on the head's word alone, and a link opened by any other account is refused.
/// </summary>
[Authorize]
public sealed class JoinDelegationModel(ForumDbContext db, UserManager<ForumUser> users, SignInManager<ForumUser> signIn, MemberSignIn memberSignIn,
    TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public enum Answer
    {
        Open,

        /// <summary>No such link, already answered, or the registration has changed since it was sent.</summary>
        NotValid,

        /// <summary>The link was sent to another address than this account's.</summary>
        OtherAccount,

        /// <summary>Accounts with a staff role are never linked to a delegation member.</summary>
        StaffAccount,

        /// <summary>This account already has its own registration for this forum.</summary>
        AlreadyRegistered,
    }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public Answer State { get; private set; } = Answer.NotValid;
    public Delegate? Member { get; private set; }
    public Core.Forums.Forum? Forum { get; private set; }
    public string? HeadLatinName { get; private set; }
    public string? HeadNativeName { get; private set; }
    public string? AccountEmail { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        var (user, offer) = await LoadAsync(ct);
        if (State != Answer.Open || user is null || offer is null || Member is null)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var memberId = Member.Id;
        var email = Member.Email;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Each step only counts if nothing moved since the page was read: the link still open, the member still unlinked
        // at the same address. The unique index on (forum, account) keeps one registration per account.
        var claimed = await db.MemberSignInOffers.Where(o => o.Id == offer.Id && o.TokenHash == offer.TokenHash)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.TokenHash, (string?)null), ct) == 1;
        try
        {
            claimed = claimed && await db.Delegates
                .Where(d => d.Id == memberId && d.UserId == null && d.Email == email
                    && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.UserId, user.Id).SetProperty(d => d.UpdatedUtc, now), ct) == 1;
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            // The account got a registration of its own in this edition a moment ago.
            State = Answer.AlreadyRegistered;
            return Page();
        }

        if (!claimed)
        {
            State = Answer.NotValid;
            return Page();
        }

        if (!await users.IsInRoleAsync(user, Roles.Delegate))
        {
            await users.AddToRoleAsync(user, Roles.Delegate);
        }

        db.AuditEntries.Add(new Actor(user.Id, user.Email ?? user.Id).Audit(Member.ForumId, now, nameof(Delegate), memberId, "account-invitation-accepted",
            after: user.Email));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        // The new role goes into the sign-in at once, so /me opens without signing in again.
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = text["Join_Accepted", DelegationName(Member.Delegation!)].Value;
        return Redirect("/me");
    }

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken ct)
    {
        var (user, offer) = await LoadAsync(ct);
        if (State is Answer.NotValid or Answer.OtherAccount || user is null || offer is null || Member is null)
        {
            return Page();
        }

        if (await db.MemberSignInOffers.Where(o => o.Id == offer.Id && o.TokenHash == offer.TokenHash)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.TokenHash, (string?)null), ct) == 1)
        {
            db.AuditEntries.Add(new Actor(user.Id, user.Email ?? user.Id).Audit(Member.ForumId, clock.GetUtcNow().UtcDateTime, nameof(Delegate), Member.Id,
                "account-invitation-declined", after: user.Email));
            await db.SaveChangesAsync(ct);
        }

        TempData["Status"] = text["Join_Declined", DelegationName(Member.Delegation!)].Value;
        return Redirect("/");
    }

    public static string DelegationName(Delegation delegation) => UiLanguage.Chinese ? delegation.NameZh : delegation.NameEn;

    public string ForumName => Forum is null ? string.Empty : UiLanguage.Chinese ? Forum.NameZh : Forum.NameEn;

    private async Task<(ForumUser? User, MemberSignInOffer? Offer)> LoadAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        AccountEmail = user?.Email;
        if (user is null || string.IsNullOrWhiteSpace(Token))
        {
            return (user, null);
        }

        var hash = InvitationTokens.Hash(Token);
        var offer = await db.MemberSignInOffers.AsNoTracking().SingleOrDefaultAsync(o => o.TokenHash == hash, ct);
        var member = offer is null ? null : await db.Delegates.AsNoTracking().Include(d => d.Delegation)
            .SingleOrDefaultAsync(d => d.Id == offer.DelegateId && d.UserId == null && d.DelegationId != null
                && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected, ct);
        if (offer is null || member is null)
        {
            return (user, null);
        }

        // Whoever holds the link learns nothing of the delegation unless they are signed in as the address it went to.
        if (users.NormalizeEmail(member.Email) != user.NormalizedEmail)
        {
            State = Answer.OtherAccount;
            return (user, null);
        }

        Member = member;
        Forum = await db.Forums.AsNoTracking().SingleAsync(f => f.Id == member.ForumId, ct);
        var head = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == member.ForumId && d.DelegationId == member.DelegationId && d.Category == DelegateCategory.HeadOfDelegation)
            .OrderBy(d => d.Id).Select(d => new { d.FamilyName, d.GivenName, d.Honorific, d.NativeName }).FirstOrDefaultAsync(ct);
        HeadLatinName = head is null ? null : $"{head.Honorific} {head.FamilyName.ToUpperInvariant()} {head.GivenName}".Trim();
        HeadNativeName = head?.NativeName;
        var forumId = member.ForumId;
        var userId = user.Id;
        State = await memberSignIn.IsStaffAsync(user) ? Answer.StaffAccount
            : await db.Delegates.AnyAsync(d => d.ForumId == forumId && d.UserId == userId, ct) ? Answer.AlreadyRegistered
            : Answer.Open;
        return (user, offer);
    }
}
