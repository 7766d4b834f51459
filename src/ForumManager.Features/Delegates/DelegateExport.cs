using System.Globalization;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Registration;
using ForumManager.Features.Text;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Delegates;

/// <summary>
/// The delegate export's columns, each a header and the value written as words in the organizer's language; the list's
/// page offers them and the export writes them.
/// </summary>
public static class DelegateExport
{
    public sealed record Row(string Reference, string FamilyName, string GivenName, string? NativeName, string? Honorific, string? Position, string? Organization,
        string? Delegation, string? DelegationZh, string CountryCode, string Email, string? Phone, DelegateCategory Category, RegistrationStatus Status, int PrecedenceRank,
        string PreferredLanguage, string? DietaryNeeds, string? AccessibilityNeeds, string? InterpretationLanguage, bool NeedsVisaLetter, DateTime CreatedUtc);

    /// <summary>What a value needs to be written as words in the organizer's language.</summary>
    public sealed record Words(TimeZoneInfo Zone, IStringLocalizer Text, bool Chinese)
    {
        public string Country(string code) => Countries.Find(code)?.Name(Chinese) ?? code;
    }

    /// <summary>Column key → its header's resource key and its value, in words rather than codes (organizers read these).</summary>
    public static readonly IReadOnlyList<(string Key, string Header, Func<Row, Words, object?> Value)> Columns =
    [
        ("family", "Field_FamilyName", (r, _) => r.FamilyName),
        ("given", "Field_GivenName", (r, _) => r.GivenName),
        ("native", "Field_NativeName", (r, _) => r.NativeName),
        ("honorific", "Field_Honorific", (r, _) => r.Honorific),
        ("position", "Field_Position", (r, _) => r.Position),
        ("organization", "Field_Organization", (r, _) => r.Organization),
        ("delegation", "Field_Delegation", (r, w) => w.Chinese ? r.DelegationZh : r.Delegation),
        ("country", "Field_Country", (r, w) => w.Country(r.CountryCode)),
        ("email", "Field_Email", (r, _) => r.Email),
        ("phone", "Field_Phone", (r, _) => r.Phone),
        ("category", "Delegate_Category", (r, w) => w.Text["DelegateCategory_" + r.Category].Value),
        ("status", "Admin_Status", (r, w) => w.Text["RegistrationStatus_" + r.Status].Value),
        ("precedence", "Delegates_Precedence", (r, _) => r.PrecedenceRank),
        ("language", "Field_PreferredLanguage", (r, _) => LanguageNames.Of(r.PreferredLanguage)),
        ("dietary", "Field_DietaryNeeds", (r, _) => r.DietaryNeeds),
        ("accessibility", "Field_AccessibilityNeeds", (r, _) => r.AccessibilityNeeds),
        ("interpretation", "Field_InterpretationLanguage", (r, _) => LanguageNames.Of(r.InterpretationLanguage)),
        ("visa", "Field_NeedsVisaLetter", (r, w) => w.Text[r.NeedsVisaLetter ? "Common_Yes" : "Common_No"].Value),
        ("registered", "Delegates_Registered", (r, w) => ForumTime.ToLocal(r.CreatedUtc, w.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
    ];

    /// <summary>
    /// Every file begins with the reference, whatever columns were chosen: it names the delegate for another program and
    /// for an import that updates delegates by it.
    /// </summary>
    public static readonly (string Key, string Header, Func<Row, Words, object?> Value) ReferenceColumn =
        ("reference", "Delegate_Reference", (r, _) => r.Reference);

    public static readonly IReadOnlyList<string> DefaultColumns = ["family", "given", "native", "honorific", "position", "organization", "delegation", "country", "category", "status"];
}
