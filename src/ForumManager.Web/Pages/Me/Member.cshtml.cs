using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Registration;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Pages.Me;

/// <summary>
/// The head of a delegation corrects a member's name, title, address and language. Only a member of the signed-in
/// head's own delegation in this edition can be opened, whatever id the URL holds; anyone else's is "not found".
/// </summary>
public sealed class MemberModel(ForumDbContext db, CurrentForum current, UserManager<ForumUser> users, DelegateEditor editor,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();

    [BindProperty]
    public long Stamp { get; set; }

    public Delegate Member { get; private set; } = null!;

    /// <summary>
    /// Once a sign-in has been offered at the address (whatever kind of account it has), the head can no longer change it:
    /// the address is then the member's, or the owner's of the account invited.
    /// </summary>
    public bool EmailLocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } member)
        {
            return NotFound();
        }

        Member = member;
        EmailLocked = await IsEmailLockedAsync(member, ct);
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } member)
        {
            return NotFound();
        }

        Member = member;
        EmailLocked = await IsEmailLockedAsync(member, ct);
        Input.FamilyName = PersonName.Clean(Input.FamilyName);
        Input.GivenName = PersonName.Clean(Input.GivenName);
        Input.NativeName = PersonName.CleanOrNull(Input.NativeName);
        Input.Position = PersonName.CleanOrNull(Input.Position);
        Input.Email = (Input.Email ?? string.Empty).Trim().ToLowerInvariant();
        if (EmailLocked && Input.Email != member.Email)
        {
            ModelState.AddModelError("Input.Email", text["Members_EmailLocked"]);
        }

        ModelState.Check(errors => NameChecks.Check(errors, text, Input.Honorific ?? string.Empty, Input.FamilyName, Input.GivenName, Input.NativeName, Input.Position));
        var forumId = member.ForumId;
        if (ModelState.IsValid && Input.Email != member.Email && await db.Delegates.AnyAsync(d => d.ForumId == forumId && d.Email == Input.Email, ct))
        {
            ModelState.AddModelError("Input.Email", text["Register_AlreadyRegistered"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The rest of the record goes through unchanged: the head edits only what the add form asks.
        var form = DelegateForm.From(member);
        form.Honorific = Input.Honorific ?? string.Empty;
        form.FamilyName = Input.FamilyName;
        form.GivenName = Input.GivenName;
        form.NativeName = Input.NativeName;
        form.Position = Input.Position;
        form.PreferredLanguage = Input.PreferredLanguage;
        var followsDefault = member.PrecedenceRank == Precedence.DefaultRank(member.Category, member.Position);
        var outcome = await editor.SaveAsync(member.Id, Stamp, form, [], record =>
        {
            record.Email = Input.Email;
            if (followsDefault)
            {
                record.PrecedenceRank = Precedence.DefaultRank(record.Category, record.Position);
            }
        }, new Actor(users.GetUserId(User), User.Identity?.Name ?? "head"), ct);
        switch (outcome)
        {
            case EditOutcome.ChangedMeanwhile:
                Member = (await FindAsync(id, ct))!;
                ModelState.Clear();
                Fill();
                ModelState.AddModelError(string.Empty, text["Edit_ChangedMeanwhile"]);
                return Page();
            case EditOutcome.EmailTaken:
                ModelState.AddModelError("Input.Email", text["Register_AlreadyRegistered"]);
                return Page();
            default:
                TempData["Status"] = text[outcome == EditOutcome.Saved ? "Edit_Saved" : "Edit_NothingChanged"].Value;
                return RedirectToPage("Delegation");
        }
    }

    private async Task<bool> IsEmailLockedAsync(Delegate member, CancellationToken ct) =>
        member.UserId is not null || await db.MemberSignInOffers.AnyAsync(o => o.DelegateId == member.Id, ct);

    private void Fill()
    {
        Input = new MemberInput
        {
            Honorific = Member.Honorific ?? string.Empty,
            FamilyName = Member.FamilyName,
            GivenName = Member.GivenName,
            NativeName = Member.NativeName,
            Position = Member.Position,
            Email = Member.Email,
            PreferredLanguage = Member.PreferredLanguage,
        };
        Stamp = DelegateEditor.Stamp(Member);
    }

    /// <summary>A member, not the head, of the signed-in head's delegation, still taking part; null for anyone else.</summary>
    private async Task<Delegate?> FindAsync(int id, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        var userId = users.GetUserId(User);
        if (forum is null || userId is null)
        {
            return null;
        }

        var forumId = forum.Id;
        var head = await db.Delegates.AsNoTracking().SingleOrDefaultAsync(d => d.ForumId == forumId && d.UserId == userId
            && d.Category == DelegateCategory.HeadOfDelegation && d.DelegationId != null, ct);
        if (head is null)
        {
            return null;
        }

        return await db.Delegates.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.ForumId == forumId && d.DelegationId == head.DelegationId
            && d.Id != head.Id && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected, ct);
    }
}
