using System.Globalization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Registration;

/// <summary>
/// What an edit changed in a delegate's record, written to the audit log as "Field: value" lines before and after.
/// The passport's fields (number, date of birth, nationality, expiry, place of issue) are never written in clear: the
/// log only says which of them changed.
/// </summary>
public sealed class DelegateChanges
{
    private const string Changed = "(changed)";
    private readonly IReadOnlyDictionary<string, string?> _before;

    private DelegateChanges(Delegate record) => _before = Snapshot(record);

    public static DelegateChanges Watch(Delegate record) => new(record);

    /// <summary>The before and after texts for the audit log, or null when nothing changed.</summary>
    public (string Before, string After)? Compare(Delegate record)
    {
        var after = Snapshot(record);
        var fields = after.Keys.Where(k => !string.Equals(_before[k], after[k], StringComparison.Ordinal)).ToList();
        if (fields.Count == 0)
        {
            return null;
        }

        string Describe(IReadOnlyDictionary<string, string?> values, bool isAfter) => string.Join('\n', fields.Select(f =>
            $"{f}: {(IsSecret(f) ? (isAfter ? Changed : "•••") : values[f])}"));

        return (Describe(_before, false), Describe(after, true));
    }

    private static bool IsSecret(string field) => field is nameof(Delegate.PassportNumberProtected) or nameof(Delegate.DateOfBirthProtected)
        or nameof(Delegate.Nationality) or nameof(Delegate.PassportExpiry) or nameof(Delegate.PassportPlaceOfIssue);

    private static Dictionary<string, string?> Snapshot(Delegate d) => new()
    {
        [nameof(d.Honorific)] = d.Honorific,
        [nameof(d.FamilyName)] = d.FamilyName,
        [nameof(d.GivenName)] = d.GivenName,
        [nameof(d.NativeName)] = d.NativeName,
        [nameof(d.Position)] = d.Position,
        [nameof(d.Organization)] = d.Organization,
        [nameof(d.DelegationId)] = d.DelegationId?.ToString(CultureInfo.InvariantCulture),
        [nameof(d.CountryCode)] = d.CountryCode,
        [nameof(d.Email)] = d.Email,
        [nameof(d.Phone)] = d.Phone,
        [nameof(d.Category)] = d.Category.ToString(),
        [nameof(d.PrecedenceRank)] = d.PrecedenceRank.ToString(CultureInfo.InvariantCulture),
        [nameof(d.PreferredLanguage)] = d.PreferredLanguage,
        [nameof(d.Gender)] = d.Gender?.ToString(),
        [nameof(d.DietaryNeeds)] = d.DietaryNeeds,
        [nameof(d.AccessibilityNeeds)] = d.AccessibilityNeeds,
        [nameof(d.InterpretationLanguage)] = d.InterpretationLanguage,
        [nameof(d.NeedsVisaLetter)] = d.NeedsVisaLetter ? "yes" : "no",
        [nameof(d.PassportNumberProtected)] = d.PassportNumberProtected,
        [nameof(d.DateOfBirthProtected)] = d.DateOfBirthProtected,
        [nameof(d.Nationality)] = d.Nationality,
        [nameof(d.PassportExpiry)] = d.PassportExpiry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [nameof(d.PassportPlaceOfIssue)] = d.PassportPlaceOfIssue,
    };
}
