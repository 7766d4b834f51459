using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Privacy;
using ForumManager.Features.Registration;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Pages.Admin.Delegates;

/// <summary>One delegate: the record, passport data masked (a reveal is audited), the history of changes, and a decision.</summary>
public sealed class DetailsModel(ForumDbContext db, CurrentForum current, RegistrationStatusChanges changes, PersonalData personalData,
    UserManager<ForumUser> users, QuestionForm questions, TimeProvider clock, IStringLocalizer<SharedResource> text,
    Features.Accreditation.AccreditationPhotos photos) : PageModel
{
    /// <summary>The delegate's photo and its review, shown with the record.</summary>
    public Features.Accreditation.PhotoSummary? Photo { get; private set; }

    public Delegate Delegate { get; private set; } = null!;
    public string? DelegationName { get; private set; }

    /// <summary>Someone this record accompanies or who accompanies it, linked on the page.</summary>
    public sealed record Linked(int Id, string LatinName, CompanionRole? Role);

    /// <summary>The delegate this person accompanies; null for someone attending in their own right.</summary>
    public Linked? Principal { get; private set; }

    public IReadOnlyList<Linked> Companions { get; private set; } = [];
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public IReadOnlyList<GivenAnswer> Answers { get; private set; } = [];
    public string? PassportNumber { get; private set; }
    public string? DateOfBirth { get; private set; }
    public bool Revealed { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    [BindProperty]
    public RegistrationStatus? Decision { get; set; }

    [BindProperty, StringLength(1000)]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, reveal: false, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevealAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, reveal: true, ct))
        {
            return NotFound();
        }

        db.AuditEntries.Add(new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer")
            .Audit(Delegate.ForumId, clock.GetUtcNow().UtcDateTime, nameof(Core.Delegates.Delegate), id, "revealed-passport"));
        await db.SaveChangesAsync(ct);
        History = await HistoryAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null || !await LoadAsync(id, reveal: false, ct))
        {
            return NotFound();
        }

        if (Decision is not ({ } decision and (RegistrationStatus.Approved or RegistrationStatus.Waitlisted or RegistrationStatus.Rejected)) || !ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(Decision), text["Delegates_ChooseDecision"]);
            return Page();
        }

        var result = await changes.ChangeAsync(forum.Id, [id], decision, PersonName.CleanOrNull(Reason),
            new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), byOrganizer: true, ct);
        TempData.Outcome(result.Changed == 1 ? text["Delegates_StatusChanged"].Value : text["Delegates_StatusNotChanged"].Value, refused: result.Changed != 1);
        return RedirectToPage(new { id });
    }

    /// <summary>Gives a cancelled (or withdrawn) registration its place back while a place is free; refused with a message when full.</summary>
    public async Task<IActionResult> OnPostReinstateAsync(int id, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null || !await LoadAsync(id, reveal: false, ct))
        {
            return NotFound();
        }

        var outcome = await changes.ReinstateAsync(forum.Id, id, new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), ct);
        if (outcome != ReinstateOutcome.Approved)
        {
            // A refusal is shown on the page as a refusal, where the button was.
            ModelState.AddModelError("Reinstate", text["Delegates_Reinstate" + outcome, forum.Capacity ?? 0]);
            return Page();
        }

        TempData["Status"] = text["Delegates_Reinstated", Delegate.LatinName].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, bool reveal, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return false;
        }

        var forumId = forum.Id;
        var found = await db.Delegates.AsNoTracking().Include(d => d.Delegation).SingleOrDefaultAsync(d => d.Id == id && d.ForumId == forumId, ct);
        if (found is null)
        {
            return false;
        }

        Delegate = found;
        Zone = forum.TimeZone;
        DelegationName = UiLanguage.Chinese ? found.Delegation?.NameZh : found.Delegation?.NameEn;
        var passport = personalData.Unprotect(found.PassportNumberProtected);
        var born = personalData.Unprotect(found.DateOfBirthProtected);
        Revealed = reveal;
        PassportNumber = reveal ? passport : PersonalData.Mask(passport);
        DateOfBirth = reveal ? born : PersonalData.Mask(born);
        History = await HistoryAsync(id, ct);
        Answers = await questions.ShownAsync(id, ct);
        Photo = await photos.SummaryAsync(forumId, id, ct);
        Principal = found.AccompaniesId is { } principal
            ? await db.Delegates.AsNoTracking().Where(d => d.Id == principal)
                .Select(d => new Linked(d.Id, d.FamilyName.ToUpper() + " " + d.GivenName, null)).FirstOrDefaultAsync(ct)
            : null;
        Companions = await db.Delegates.AsNoTracking().Where(d => d.AccompaniesId == id).OrderBy(d => d.Id)
            .Select(d => new Linked(d.Id, d.FamilyName.ToUpper() + " " + d.GivenName, d.CompanionRole)).ToListAsync(ct);
        return true;
    }

    private Task<List<AuditEntry>> HistoryAsync(int id, CancellationToken ct)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Core.Delegates.Delegate) && a.EntityId == key)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).ToListAsync(ct);
    }
}
