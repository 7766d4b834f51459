using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Privacy;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Settings;

/// <summary>Settings of the current edition: open or by invitation, deadlines, capacity, retention, and who invites and signs on visa letters.</summary>
public sealed class IndexModel(CurrentForum current, ForumSettings settings, UserManager<ForumUser> users, HomeFiguresCache homeFigures,
    PersonalDataPurge purge, IStringLocalizer<SharedResource> text) : PageModel
{
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
            ClearanceRequired = Forum.ClearanceRequired,
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
        var errors = new FieldErrors();
        var saved = await settings.SaveAsync(found.Id, Input, new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), errors,
            alreadyRefused: !ModelState.IsValid, ct);
        ModelState.AddErrors(errors);
        if (!saved)
        {
            return Page();
        }

        homeFigures.Forget();
        TempData["Status"] = text["Settings_Saved"].Value;
        return RedirectToPage();
    }
}
