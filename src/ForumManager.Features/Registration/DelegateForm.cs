using System.Globalization;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Registration;
using ForumManager.Core.Text;
using ForumManager.Features.Privacy;
using ForumManager.Features.Text;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Registration;

/// <summary>
/// The person's details as the registration form, the delegate's own edit and the organizer's edit all take them:
/// cleaned the same way, checked the same way, and written to the record the same way.
/// </summary>
public static class DelegateForm
{
    /// <summary>A passport must stay valid this long after the forum ends, as Chinese visa rules ask.</summary>
    private static readonly int PassportValidityDaysAfterStay = 183;

    /// <summary>
    /// Trims and normalises the form's fields; with <paramref name="only"/> (the names of <see cref="RegistrationInput"/>'s
    /// properties), only those, so that a change of some fields leaves the others exactly as stored.
    /// </summary>
    public static void Clean(RegistrationInput input, IReadOnlySet<string>? only = null)
    {
        bool Cleans(string field) => only is null || only.Contains(field);

        if (Cleans(nameof(input.FamilyName)))
        {
            input.FamilyName = PersonName.Clean(input.FamilyName);
        }

        if (Cleans(nameof(input.GivenName)))
        {
            input.GivenName = PersonName.Clean(input.GivenName);
        }

        if (Cleans(nameof(input.NativeName)))
        {
            input.NativeName = PersonName.CleanOrNull(input.NativeName);
        }

        if (Cleans(nameof(input.Position)))
        {
            input.Position = PersonName.CleanOrNull(input.Position);
        }

        if (Cleans(nameof(input.Organization)))
        {
            input.Organization = PersonName.CleanOrNull(input.Organization);
        }

        if (Cleans(nameof(input.Email)))
        {
            input.Email = (input.Email ?? string.Empty).Trim().ToLowerInvariant();
        }

        if (Cleans(nameof(input.Phone)))
        {
            input.Phone = (input.Phone ?? string.Empty).Trim();
        }

        if (Cleans(nameof(input.Honorific)))
        {
            input.Honorific ??= string.Empty;
        }

        if (Cleans(nameof(input.PreferredLanguage)))
        {
            input.PreferredLanguage ??= string.Empty;
        }

        if (Cleans(nameof(input.DietaryNeeds)))
        {
            input.DietaryNeeds = PersonName.CleanOrNull(input.DietaryNeeds);
        }

        if (Cleans(nameof(input.AccessibilityNeeds)))
        {
            input.AccessibilityNeeds = PersonName.CleanOrNull(input.AccessibilityNeeds);
        }

        if (Cleans(nameof(input.PassportNumber)))
        {
            input.PassportNumber = PersonName.CleanOrNull(input.PassportNumber)?.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        }

        if (Cleans(nameof(input.PassportPlaceOfIssue)))
        {
            input.PassportPlaceOfIssue = PersonName.CleanOrNull(input.PassportPlaceOfIssue);
        }

        if (Cleans(nameof(input.CountryCode)))
        {
            input.CountryCode = (input.CountryCode ?? string.Empty).Trim().ToUpperInvariant();
        }

        if (Cleans(nameof(input.Nationality)))
        {
            input.Nationality = string.IsNullOrWhiteSpace(input.Nationality) ? null : input.Nationality.Trim().ToUpperInvariant();
        }

        if (Cleans(nameof(input.InterpretationLanguage)))
        {
            input.InterpretationLanguage = string.IsNullOrWhiteSpace(input.InterpretationLanguage) ? null : input.InterpretationLanguage.Trim();
        }
    }

    /// <summary>Today's date where the forum takes place, against which a date of birth is checked.</summary>
    public static DateOnly Today(Forum forum, TimeProvider clock) => DateOnly.FromDateTime(ForumTime.ToLocal(clock.GetUtcNow().UtcDateTime, forum.TimeZone));

    /// <summary>
    /// The checks that need more than an attribute. <paramref name="onFile"/> is the record being edited, if any: a
    /// passport number or date of birth left blank then keeps the one already held.
    /// </summary>
    public static void Validate(RegistrationInput input, Forum forum, Delegate? onFile, TimeProvider clock, FieldErrors state, IStringLocalizer text)
    {
        void Error(string field, string key, params object[] args) => state.Add("Input." + field, text[key, args]);

        NameChecks.Check(state, text, input.Honorific ?? string.Empty, input.FamilyName, input.GivenName, input.NativeName, input.Position);
        foreach (var (field, value) in new[] { (nameof(input.Organization), input.Organization),
            (nameof(input.DietaryNeeds), input.DietaryNeeds), (nameof(input.AccessibilityNeeds), input.AccessibilityNeeds),
            (nameof(input.PassportPlaceOfIssue), input.PassportPlaceOfIssue) })
        {
            if (value is not null && value.IndexOfAny(['<', '>']) >= 0)
            {
                Error(field, "Validation_NoMarkup");
            }
        }

        // A message language the edition does not publish in (one it stopped publishing in stays, if already chosen).
        if (input.PreferredLanguage.Length > 0 && input.PreferredLanguage != onFile?.PreferredLanguage
            && !Core.Languages.ContentLanguages.Of(forum.FurtherLanguages).Contains(input.PreferredLanguage))
        {
            Error(nameof(input.PreferredLanguage), "Validation_Language");
        }

        if (input.CountryCode.Length > 0 && !Countries.IsKnown(input.CountryCode))
        {
            Error(nameof(input.CountryCode), "Validation_Choose");
        }

        if (input.Phone.Length > 0)
        {
            if (PhoneNumber.TryNormalize(input.Phone, out var phone))
            {
                input.Phone = phone;
            }
            else
            {
                Error(nameof(input.Phone), "Validation_Phone");
            }
        }

        if (input.InterpretationLanguage is not null && !DelegateChoices.InterpretationLanguages.Contains(input.InterpretationLanguage))
        {
            Error(nameof(input.InterpretationLanguage), "Validation_Choose");
        }

        if (input.Gender is { } gender && !Enum.IsDefined(gender))
        {
            Error(nameof(input.Gender), "Validation_Choose");
        }

        // Told whether or not a visa letter is asked for: a date of birth that has not come is a typing slip either way.
        var today = Today(forum, clock);
        if (input.DateOfBirth > today)
        {
            Error(nameof(input.DateOfBirth), "Validation_DateOfBirthFuture");
        }

        if (input.NeedsVisaLetter)
        {
            ValidateVisa(input, forum, onFile, today, Error);
        }
    }

    private static void ValidateVisa(RegistrationInput input, Forum forum, Delegate? onFile, DateOnly today, Action<string, string, object[]> error)
    {
        if (input.PassportNumber is null)
        {
            if (onFile?.PassportNumberProtected is null)
            {
                error(nameof(input.PassportNumber), "Validation_RequiredForVisa", []);
            }
        }
        else if (input.PassportNumber.Length < 5 || !input.PassportNumber.All(char.IsAsciiLetterOrDigit))
        {
            error(nameof(input.PassportNumber), "Validation_PassportNumber", []);
        }

        if (input.Nationality is null)
        {
            error(nameof(input.Nationality), "Validation_RequiredForVisa", []);
        }
        else if (!Countries.IsKnown(input.Nationality))
        {
            error(nameof(input.Nationality), "Validation_Choose", []);
        }

        if (input.DateOfBirth is not { } born)
        {
            if (onFile?.DateOfBirthProtected is null)
            {
                error(nameof(input.DateOfBirth), "Validation_RequiredForVisa", []);
            }
        }
        else if (born <= today && (born > forum.StartDate.AddYears(-16) || born < forum.StartDate.AddYears(-110)))
        {
            error(nameof(input.DateOfBirth), "Validation_DateOfBirth", []);
        }

        var validUntil = forum.EndDate.AddDays(PassportValidityDaysAfterStay);
        if (input.PassportExpiry is not { } expiry)
        {
            error(nameof(input.PassportExpiry), "Validation_RequiredForVisa", []);
        }
        else if (expiry < validUntil)
        {
            error(nameof(input.PassportExpiry), "Validation_PassportExpiry", [Dates.Range(validUntil, validUntil)]);
        }

        if (input.PassportPlaceOfIssue is null)
        {
            error(nameof(input.PassportPlaceOfIssue), "Validation_RequiredForVisa", []);
        }
    }

    /// <summary>
    /// Writes the person's details to the record. Email, delegation, category, rank and status are not the person's
    /// to set and are left to the caller.
    /// </summary>
    public static void Apply(RegistrationInput input, Delegate record, PersonalData personalData)
    {
        record.FamilyName = input.FamilyName;
        record.GivenName = input.GivenName;
        if (record.NativeName != input.NativeName)
        {
            record.NativeNameLanguage = input.NativeName is null ? null : input.PreferredLanguage == "zh-Hans" ? "zh" : null;
        }

        record.NativeName = input.NativeName;
        record.Honorific = string.IsNullOrEmpty(input.Honorific) ? null : input.Honorific;
        record.Position = input.Position;
        record.Organization = input.Organization;
        record.CountryCode = input.CountryCode;
        record.Phone = input.Phone;
        record.PreferredLanguage = input.PreferredLanguage;
        record.Gender = input.Gender;
        record.DietaryNeeds = input.DietaryNeeds;
        record.AccessibilityNeeds = input.AccessibilityNeeds;
        record.InterpretationLanguage = input.InterpretationLanguage;
        record.NeedsVisaLetter = input.NeedsVisaLetter;
        if (!input.NeedsVisaLetter)
        {
            record.PassportNumberProtected = null;
            record.DateOfBirthProtected = null;
            record.Nationality = null;
            record.PassportExpiry = null;
            record.PassportPlaceOfIssue = null;
            return;
        }

        // The same number or date typed again is no change: it is not sealed anew (which would read as a change in the log).
        if (input.PassportNumber is not null && input.PassportNumber != personalData.Unprotect(record.PassportNumberProtected))
        {
            record.PassportNumberProtected = personalData.Protect(input.PassportNumber);
        }

        if (input.DateOfBirth?.ToString("O", CultureInfo.InvariantCulture) is { } born && born != personalData.Unprotect(record.DateOfBirthProtected))
        {
            record.DateOfBirthProtected = personalData.Protect(born);
        }

        record.Nationality = input.Nationality;
        record.PassportExpiry = input.PassportExpiry;
        record.PassportPlaceOfIssue = input.PassportPlaceOfIssue;
    }

    /// <summary>The form filled in from a record, for editing. The passport number and date of birth are never sent back to the browser.</summary>
    public static RegistrationInput From(Delegate record) => new()
    {
        FamilyName = record.FamilyName,
        GivenName = record.GivenName,
        NativeName = record.NativeName,
        Honorific = record.Honorific ?? string.Empty,
        Position = record.Position,
        Organization = record.Organization,
        DelegationId = record.DelegationId,
        CountryCode = record.CountryCode,
        Email = record.Email,
        Phone = record.Phone ?? string.Empty,
        Gender = record.Gender,
        PreferredLanguage = record.PreferredLanguage,
        DietaryNeeds = record.DietaryNeeds,
        AccessibilityNeeds = record.AccessibilityNeeds,
        InterpretationLanguage = record.InterpretationLanguage,
        NeedsVisaLetter = record.NeedsVisaLetter,
        Nationality = record.Nationality,
        PassportExpiry = record.PassportExpiry,
        PassportPlaceOfIssue = record.PassportPlaceOfIssue,
        Consent = record.ConsentUtc is not null,
    };
}
