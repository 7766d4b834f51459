using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features.Privacy;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Settings;

/// <summary>Settings of the current edition: open or by invitation, deadlines, capacity, retention, and who invites and signs on visa letters.</summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current, UserManager<ForumUser> users, HomeFiguresCache homeFigures,
    PersonalDataPurge purge, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed class SettingsInput
    {
        [Display(Name = "Settings_OpenRegistration")]
        public bool OpenRegistration { get; set; }

        [Display(Name = "Settings_RegistrationCloses")]
        public DateTime? RegistrationCloses { get; set; }

        [Display(Name = "Settings_EditCloses")]
        public DateTime? EditCloses { get; set; }

        [Range(0, 1_000_000, ErrorMessage = "Validation_Range")]
        [Display(Name = "Settings_Capacity")]
        public int? Capacity { get; set; }

        [Range(0, 3650, ErrorMessage = "Validation_Range")]
        [Display(Name = "Settings_RetentionDays")]
        public int RetentionDays { get; set; } = 365;

        [Display(Name = "Settings_NoticesInBothLanguages")]
        public bool NoticesInBothLanguages { get; set; }

        [StringLength(300, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Settings_HostEn")]
        public string? HostEn { get; set; }

        [StringLength(300, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Settings_HostZh")]
        public string? HostZh { get; set; }

        [StringLength(200, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Settings_SignatoryNameEn")]
        public string? SignatoryNameEn { get; set; }

        [StringLength(200, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Settings_SignatoryNameZh")]
        public string? SignatoryNameZh { get; set; }

        [StringLength(300, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Settings_SignatoryTitleEn")]
        public string? SignatoryTitleEn { get; set; }

        [StringLength(300, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Settings_SignatoryTitleZh")]
        public string? SignatoryTitleZh { get; set; }
    }

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public Forum? Forum { get; private set; }

    public bool PurgeDue => Forum is not null && purge.IsDue(Forum);

    [BindProperty]
    public string? PurgeConfirmation { get; set; }

    /// <summary>Set when a purge was asked for without its confirmation: the page then only asks.</summary>
    public ConfirmStep? Confirmation { get; private set; }

    public async Task<IActionResult> OnPostPurgeAsync([FromForm(Name = ConfirmStep.Field)] bool confirm, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        Forum = forum;
        if (!purge.IsDue(forum) || PurgeConfirmation?.Trim() != forum.Acronym)
        {
            ModelState.AddModelError(nameof(PurgeConfirmation), text["Purge_TypeAcronym", forum.Acronym]);
            return Page();
        }

        if (!confirm)
        {
            var held = await purge.HeldAsync(forum, ct);
            Confirmation = new ConfirmStep(text["Purge_ConfirmQuestion", held, forum.Name(UiLanguage.Chinese)],
            [
                text["Purge_ConfirmWhatGoes"],
                text["Purge_ConfirmWhatStays"],
                text["Purge_ConfirmNoMail"],
                text["Confirm_CannotUndo"],
            ], text["Purge_Submit"], "/admin/settings#purge");
            return Page();
        }

        var count = await purge.PurgeAsync(forum, new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), ct);
        homeFigures.Forget();
        TempData["Status"] = text["Purge_Done", count].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        if (Forum is null)
        {
            return NotFound();
        }

        var zone = Forum.TimeZone;
        Input = new SettingsInput
        {
            OpenRegistration = Forum.OpenRegistration,
            RegistrationCloses = Forum.RegistrationClosesUtc is { } closes ? ForumTime.ToLocal(closes, zone) : null,
            EditCloses = Forum.EditClosesUtc is { } edit ? ForumTime.ToLocal(edit, zone) : null,
            Capacity = Forum.Capacity,
            RetentionDays = Forum.RetentionDays,
            HostEn = Forum.HostEn,
            NoticesInBothLanguages = Forum.NoticesInBothLanguages,
            HostZh = Forum.HostZh,
            SignatoryNameEn = Forum.SignatoryNameEn,
            SignatoryNameZh = Forum.SignatoryNameZh,
            SignatoryTitleEn = Forum.SignatoryTitleEn,
            SignatoryTitleZh = Forum.SignatoryTitleZh,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var found = await current.GetAsync(ct);
        if (found is null)
        {
            return NotFound();
        }

        Forum = found;
        var forum = await db.Forums.SingleAsync(f => f.Id == found.Id, ct);
        if (Input.Capacity is { } capacity && capacity < forum.PlacesTaken)
        {
            ModelState.AddModelError("Input.Capacity", text["Settings_CapacityBelowTaken", forum.PlacesTaken]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var zone = forum.TimeZone;
        var before = Describe(forum);
        forum.OpenRegistration = Input.OpenRegistration;
        forum.RegistrationClosesUtc = Input.RegistrationCloses is { } closes ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(closes, DateTimeKind.Unspecified), zone) : null;
        forum.EditClosesUtc = Input.EditCloses is { } edit ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(edit, DateTimeKind.Unspecified), zone) : null;
        forum.Capacity = Input.Capacity;
        forum.RetentionDays = Input.RetentionDays;
        forum.NoticesInBothLanguages = Input.NoticesInBothLanguages;
        forum.HostEn = Core.Text.PersonName.CleanOrNull(Input.HostEn);
        forum.HostZh = Core.Text.PersonName.CleanOrNull(Input.HostZh);
        forum.SignatoryNameEn = Core.Text.PersonName.CleanOrNull(Input.SignatoryNameEn);
        forum.SignatoryNameZh = Core.Text.PersonName.CleanOrNull(Input.SignatoryNameZh);
        forum.SignatoryTitleEn = Core.Text.PersonName.CleanOrNull(Input.SignatoryTitleEn);
        forum.SignatoryTitleZh = Core.Text.PersonName.CleanOrNull(Input.SignatoryTitleZh);
        db.AuditEntries.Add(new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer")
            .Audit(forum.Id, clock.GetUtcNow().UtcDateTime, nameof(Core.Forums.Forum), forum.Id, "settings", before, Describe(forum)));

        try
        {
            // The check constraint refuses a capacity below the places taken, should they have grown meanwhile.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("Input.Capacity", text["Settings_CapacityBelowTaken", forum.PlacesTaken]);
            return Page();
        }

        homeFigures.Forget();
        TempData["Status"] = text["Settings_Saved"].Value;
        return RedirectToPage();
    }

    private static string Describe(Forum forum) => System.Text.Json.JsonSerializer.Serialize(new
    {
        forum.OpenRegistration, forum.RegistrationClosesUtc, forum.EditClosesUtc, forum.Capacity, forum.RetentionDays,
        forum.HostEn, forum.HostZh, forum.SignatoryNameEn, forum.SignatoryNameZh, forum.SignatoryTitleEn, forum.SignatoryTitleZh, forum.NoticesInBothLanguages,
    });
}
