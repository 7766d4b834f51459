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

    public static void Clean(RegistrationInput input)
    {
        input.FamilyName = PersonName.Clean(input.FamilyName);
        input.GivenName = PersonName.Clean(input.GivenName);
        input.NativeName = PersonName.CleanOrNull(input.NativeName);
        input.Position = PersonName.CleanOrNull(input.Position);
        input.Organization = PersonName.CleanOrNull(input.Organization);
        input.Email = (input.Email ?? string.Empty).Trim().ToLowerInvariant();
        input.Phone = (input.Phone ?? string.Empty).Trim();
        input.Honorific ??= string.Empty;
        input.PreferredLanguage ??= string.Empty;
        input.DietaryNeeds = PersonName.CleanOrNull(input.DietaryNeeds);
        input.AccessibilityNeeds = PersonName.CleanOrNull(input.AccessibilityNeeds);
        input.PassportNumber = PersonName.CleanOrNull(input.PassportNumber)?.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        input.PassportPlaceOfIssue = PersonName.CleanOrNull(input.PassportPlaceOfIssue);
        input.CountryCode = (input.CountryCode ?? string.Empty).Trim().ToUpperInvariant();
        input.Nationality = string.IsNullOrWhiteSpace(input.Nationality) ? null : input.Nationality.Trim().ToUpperInvariant();
        input.InterpretationLanguage = string.IsNullOrWhiteSpace(input.InterpretationLanguage) ? null : input.InterpretationLanguage.Trim();
    }

    /// <summary>
    /// The checks that need more than an attribute. <paramref name="onFile"/> is the record being edited, if any: a
    /// passport number or date of birth left blank then keeps the one already held.
    /// </summary>
    public static void Validate(RegistrationInput input, Forum forum, Delegate? onFile, FieldErrors state, IStringLocalizer text)
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

        if (input.NeedsVisaLetter)
        {
            ValidateVisa(input, forum, onFile, Error);
        }
    }

    private static void ValidateVisa(RegistrationInput input, Forum forum, Delegate? onFile, Action<string, string, object[]> error)
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
        else if (born > forum.StartDate.AddYears(-16) || born < forum.StartDate.AddYears(-110))
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

        if (input.PassportNumber is not null)
        {
            record.PassportNumberProtected = personalData.Protect(input.PassportNumber);
        }

        if (input.DateOfBirth is { } born)
        {
            record.DateOfBirthProtected = personalData.Protect(born.ToString("O", CultureInfo.InvariantCulture));
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
