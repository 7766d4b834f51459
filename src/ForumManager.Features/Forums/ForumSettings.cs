using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Text;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Forums;

/// <summary>An edition's settings as the organizers change them; times are the forum's local time.</summary>
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

    /// <summary>Whether badges are printed and doors open only for people the security office has cleared.</summary>
    [Display(Name = "Settings_ClearanceRequired")]
    public bool ClearanceRequired { get; set; }

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

/// <summary>An edition's settings: registration window, capacity, retention, notices' languages, the host and signatory of letters.</summary>
public sealed class ForumSettings(ForumDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>
    /// Saves the settings unless the capacity is below the places already taken (said at <c>Input.Capacity</c>, also
    /// when they grew meanwhile: the database's check refuses it). With <paramref name="alreadyRefused"/> it only checks.
    /// </summary>
    public async Task<bool> SaveAsync(int forumId, SettingsInput input, Actor actor, FieldErrors errors, bool alreadyRefused, CancellationToken ct)
    {
        var forum = await db.Forums.SingleAsync(f => f.Id == forumId, ct);
        if (input.Capacity is { } capacity && capacity < forum.PlacesTaken)
        {
            errors.Add("Input.Capacity", text["Settings_CapacityBelowTaken", forum.PlacesTaken]);
        }

        if (!errors.IsEmpty || alreadyRefused)
        {
            return false;
        }

        var zone = forum.TimeZone;
        var before = Describe(forum);
        forum.OpenRegistration = input.OpenRegistration;
        forum.RegistrationClosesUtc = input.RegistrationCloses is { } closes ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(closes, DateTimeKind.Unspecified), zone) : null;
        forum.EditClosesUtc = input.EditCloses is { } edit ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(edit, DateTimeKind.Unspecified), zone) : null;
        forum.Capacity = input.Capacity;
        forum.RetentionDays = input.RetentionDays;
        forum.NoticesInBothLanguages = input.NoticesInBothLanguages;
        forum.ClearanceRequired = input.ClearanceRequired;
        forum.HostEn = PersonName.CleanOrNull(input.HostEn);
        forum.HostZh = PersonName.CleanOrNull(input.HostZh);
        forum.SignatoryNameEn = PersonName.CleanOrNull(input.SignatoryNameEn);
        forum.SignatoryNameZh = PersonName.CleanOrNull(input.SignatoryNameZh);
        forum.SignatoryTitleEn = PersonName.CleanOrNull(input.SignatoryTitleEn);
        forum.SignatoryTitleZh = PersonName.CleanOrNull(input.SignatoryTitleZh);
        db.AuditEntries.Add(actor.Audit(forum.Id, clock.GetUtcNow().UtcDateTime, nameof(Forum), forum.Id, "settings", before, Describe(forum)));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            errors.Add("Input.Capacity", text["Settings_CapacityBelowTaken", forum.PlacesTaken]);
            return false;
        }
    }

    private static string Describe(Forum forum) => JsonSerializer.Serialize(new
    {
        forum.OpenRegistration, forum.RegistrationClosesUtc, forum.EditClosesUtc, forum.Capacity, forum.RetentionDays,
        forum.HostEn, forum.HostZh, forum.SignatoryNameEn, forum.SignatoryNameZh, forum.SignatoryTitleEn, forum.SignatoryTitleZh, forum.NoticesInBothLanguages,
        forum.ClearanceRequired,
    });
}
