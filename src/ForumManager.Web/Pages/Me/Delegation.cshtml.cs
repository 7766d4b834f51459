using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Accounts;
using ForumManager.Features.Forums;
using ForumManager.Features.Notices;
using ForumManager.Features.Registration;
using ForumManager.Mail;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Pages.Me;

/// <summary>
/// The head of a delegation sees every member with their status, adds members up to the quota and withdraws them.
/// Only the members of the signed-in head's own delegation are ever read or changed.
/// </summary>
public sealed class DelegationModel(ForumDbContext db, CurrentForum current, UserManager<ForumUser> users, Admissions admissions,
    RegistrationStatusChanges changes, MemberSignIn signIn, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record Member(int Id, string LatinName, string? Honorific, string? NativeName, string? Position, string Email, RegistrationStatus Status,
        bool IsHead, bool SignInOffered, bool HasPassword)
    {
        /// <summary>Still taking part: the head may edit them and give them a sign-in.</summary>
        public bool Active => Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Rejected);
    }

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public Delegate? Head { get; private set; }
    public Core.Delegates.Delegation? Delegation { get; private set; }
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public int Active => Members.Count(m => m.Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Rejected));
    public bool Full => Delegation?.Quota is { } quota && Active >= quota;

    /// <summary>Set when a withdrawal was asked for without its confirmation: the page then only asks.</summary>
    public ConfirmStep? Confirmation { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var forum = await current.GetAsync(ct);
        if (Head is null || Delegation is null || forum is null)
        {
            return RedirectToPage();
        }

        Input.FamilyName = PersonName.Clean(Input.FamilyName);
        Input.GivenName = PersonName.Clean(Input.GivenName);
        Input.NativeName = PersonName.CleanOrNull(Input.NativeName);
        Input.Position = PersonName.CleanOrNull(Input.Position);
        Input.Email = (Input.Email ?? string.Empty).Trim().ToLowerInvariant();
        ModelState.Check(errors => NameChecks.Check(errors, text, Input.Honorific ?? string.Empty, Input.FamilyName, Input.GivenName, Input.NativeName, Input.Position));

        if (Full)
        {
            ModelState.AddModelError(string.Empty, text["Members_QuotaReached", Delegation.Quota ?? 0]);
        }

        var forumId = forum.Id;
        if (ModelState.IsValid && await db.Delegates.AnyAsync(d => d.ForumId == forumId && d.Email == Input.Email, ct))
        {
            ModelState.AddModelError("Input.Email", text["Register_AlreadyRegistered"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var member = new Delegate
        {
            DelegationId = Delegation.Id,
            FamilyName = Input.FamilyName,
            GivenName = Input.GivenName,
            NativeName = Input.NativeName,
            Honorific = string.IsNullOrEmpty(Input.Honorific) ? null : Input.Honorific,
            Position = Input.Position,
            Organization = Head.Organization,
            CountryCode = Head.CountryCode,
            Email = Input.Email,
            Category = DelegateCategory.Delegate,
            PrecedenceRank = Precedence.DefaultRank(DelegateCategory.Delegate, Input.Position),
            PreferredLanguage = Input.PreferredLanguage,
            ConsentUtc = clock.GetUtcNow().UtcDateTime,
        };
        await admissions.AdmitAsync(forum, member, new Admission(new Actor(Head.UserId, User.Identity?.Name ?? Head.Email), "added-by-head"), ct);
        TempData["Status"] = text["Members_Added", $"{Input.GivenName} {Input.FamilyName}"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int memberId, [FromForm(Name = ConfirmStep.Field)] bool confirm, CancellationToken ct)
    {
        await LoadAsync(ct);
        var forum = await current.GetAsync(ct);
        if (Head is null || forum is null || Members.All(m => m.Id != memberId))
        {
            // Someone else's delegate, as for opening their page: there is nothing here to act on.
            return NotFound();
        }

        if (Members.Any(m => m.Id == memberId && m.IsHead))
        {
            // The head cancels their own registration on /me.
            return RedirectToPage();
        }

        if (!confirm)
        {
            var member = Members.Single(m => m.Id == memberId);
            var waiting = await changes.WaitingAsync(forum.Id, ct);
            Confirmation = new ConfirmStep(text["Members_ConfirmWithdraw", $"{member.Honorific} {member.LatinName}".Trim()],
            [
                StatusTransitions.HoldsPlace(member.Status)
                    ? waiting > 0 ? text["Confirm_TheirPlaceGoesToNext", waiting] : text["Confirm_TheirPlaceIsFreed"]
                    : text["Confirm_TheyLeaveTheWaitingList"],
                text["Confirm_MemberIsMailed", member.Email],
                text["Confirm_OnlyOrganizersReinstate"],
            ], text["Members_Withdraw"], "/me/delegation");
            return Page();
        }

        await changes.ChangeAsync(forum.Id, [memberId], RegistrationStatus.Cancelled, null,
            new Actor(users.GetUserId(User), User.Identity?.Name ?? Head.Email), byOrganizer: false, ct);
        TempData["Status"] = text["Members_Withdrawn"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignInAsync(int memberId, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Head is null || Members.All(m => m.Id != memberId))
        {
            return NotFound();
        }

        if (Members.FirstOrDefault(m => m.Id == memberId && !m.IsHead && m.Active) is not { } member)
        {
            // The head themself, or a member no longer taking part: nothing to send.
            return RedirectToPage();
        }

        var outcome = await signIn.SendAsync(memberId, new Actor(users.GetUserId(User), User.Identity?.Name ?? Head.Email), ct);
        TempData.Outcome(outcome switch
        {
            MemberSignInOutcome.Sent => text["Members_SignInSent", member.Email].Value,
            MemberSignInOutcome.AlreadySignsIn => text["Members_AlreadySignsIn"].Value,
            _ => text["Members_NotAnAccountAddress", member.Email].Value,
        }, refused: outcome is not (MemberSignInOutcome.Sent or MemberSignInOutcome.AlreadySignsIn));
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        var userId = users.GetUserId(User);
        if (forum is null || userId is null)
        {
            return;
        }

        var forumId = forum.Id;
        Head = await db.Delegates.AsNoTracking().SingleOrDefaultAsync(d => d.ForumId == forumId && d.UserId == userId
            && d.Category == DelegateCategory.HeadOfDelegation && d.DelegationId != null, ct);
        if (Head is null)
        {
            return;
        }

        var headId = Head.Id;
        Delegation = await db.Delegations.AsNoTracking().SingleAsync(d => d.Id == Head.DelegationId, ct);
        Members = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId && d.DelegationId == Head.DelegationId)
            .OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName)
            .Select(d => new Member(d.Id, d.FamilyName.ToUpper() + " " + d.GivenName, d.Honorific, d.NativeName, d.Position, d.Email, d.Status, d.Id == headId,
                d.UserId != null || db.MemberSignInOffers.Any(o => o.DelegateId == d.Id), db.Users.Any(u => u.Id == d.UserId && u.PasswordHash != null)))
            .ToListAsync(ct);
    }
}
