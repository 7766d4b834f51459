using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Registration;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Registration;
using ForumManager.Features.Text;
using ForumManager.Mail;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Delegations;

/// <summary>Delegations with their members' status, and invitations to their heads.</summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current, MailQueue mail, DelegationInvitations invitations,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record Row(int Id, string NameEn, string NameZh, string CountryCode, int? Quota, int Members, int Approved, int Waitlisted,
        string? InvitedEmail, bool InvitationAccepted);

    public sealed class InviteInput
    {
        [Display(Name = "Invite_PartnerCity")]
        public int? PartnerCityId { get; set; }

        [StringLength(200, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Invite_Institution")]
        public string? Institution { get; set; }

        [Display(Name = "Field_Country")]
        public string? CountryCode { get; set; }

        [Required(ErrorMessage = "Validation_Required"), EmailAddress(ErrorMessage = "Validation_Email"), StringLength(256, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Invite_HeadEmail")]
        public string Email { get; set; } = string.Empty;

        [Range(1, 100, ErrorMessage = "Validation_Range")]
        [Display(Name = "Invite_Quota")]
        public int Quota { get; set; } = 5;
    }

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Cities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        Invite.Email = (Invite.Email ?? string.Empty).Trim().ToLowerInvariant();
        Invite.Institution = PersonName.CleanOrNull(Invite.Institution);
        var city = Invite.PartnerCityId is { } cityId ? await db.PartnerCities.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cityId, ct) : null;
        if (Invite.PartnerCityId is not null && city is null)
        {
            ModelState.AddModelError("Invite.PartnerCityId", text["Validation_Choose"]);
        }

        if (city is null && Invite.Institution is null)
        {
            ModelState.AddModelError("Invite.Institution", text["Invite_CityOrInstitution"]);
        }

        if (city is null && !Countries.IsKnown(Invite.CountryCode))
        {
            ModelState.AddModelError("Invite.CountryCode", text["Validation_Choose"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var result = await InviteOnceAsync(forum, city, ct);
        if (!result.Sent)
        {
            var other = UiLanguage.Chinese ? result.Delegation.NameZh : result.Delegation.NameEn;
            ModelState.AddModelError("Invite.Email", text[result.Outcome == InvitationOutcome.AlreadyHeads ? "Invite_AlreadyHeads" : "Invite_AlreadyInvited",
                Invite.Email, other]);
            await LoadAsync(ct);
            return Page();
        }

        mail.NotifySaved();
        TempData["Status"] = text[result.Outcome == InvitationOutcome.SentAgain ? "Invite_SentAgain" : "Invite_Sent", Invite.Email].Value;
        return RedirectToPage();
    }

    /// <summary>
    /// Two invitations of the same address (or of the same new delegation) saved at once: the database keeps the first,
    /// and the second is made again against it, so it is sent again or refused like any later one.
    /// </summary>
    private async Task<InvitationResult> InviteOnceAsync(Forum forum, Core.Directory.PartnerCity? city, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await invitations.InviteAsync(forum, city, Invite.Institution, Invite.CountryCode, Invite.Email, Invite.Quota,
                User.Identity?.Name ?? "organizer", ct);
            if (!result.Sent)
            {
                return result;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return result;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return false;
        }

        var forumId = forum.Id;
        Rows = await db.Delegations.AsNoTracking().Where(d => d.ForumId == forumId).OrderBy(d => d.NameEn)
            .Select(d => new Row(d.Id, d.NameEn, d.NameZh, d.CountryCode, d.Quota,
                d.Members.Count(m => m.Status != RegistrationStatus.Cancelled && m.Status != RegistrationStatus.Rejected),
                d.Members.Count(m => m.Status == RegistrationStatus.Approved),
                d.Members.Count(m => m.Status == RegistrationStatus.Waitlisted),
                db.Invitations.Where(i => i.DelegationId == d.Id).OrderByDescending(i => i.CreatedUtc).Select(i => i.Email).FirstOrDefault(),
                db.Invitations.Any(i => i.DelegationId == d.Id && i.AcceptedUtc != null)))
            .ToListAsync(ct);
        Cities = (await db.PartnerCities.AsNoTracking().OrderBy(c => c.NameEn).Select(c => new { c.Id, c.NameEn, c.CountryCode }).ToListAsync(ct))
            .Select(c => (c.Id, $"{c.NameEn} ({c.CountryCode})")).ToList();
        return true;
    }
}
