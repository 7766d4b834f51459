using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using ForumManager.Core.Delegates;
using ForumManager.Features.Registration;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Api;

/// <summary>
/// A <c>PATCH /delegates/{id}</c> body (JSON merge patch: a field sent is changed, <c>null</c> clears it, a field left out
/// keeps its value) laid over the organizer's edit form filled from the record, so the page's checks and messages apply.
/// Field names are those a read gives (<c>names.family</c>, <c>passport.number</c>).
/// </summary>
public sealed class DelegatePatch
{
    private delegate bool Setter(DelegatePatch patch, JsonElement value);

    /// <summary>Each writable field: its JSON path, the form's field it fills, and how.</summary>
    private static readonly (string Path, string Field, Setter Set)[] Writable =
    [
        ("names.family", nameof(RegistrationInput.FamilyName), (p, v) => Text(v, s => p.Input.FamilyName = s ?? string.Empty)),
        ("names.given", nameof(RegistrationInput.GivenName), (p, v) => Text(v, s => p.Input.GivenName = s ?? string.Empty)),
        ("names.native", nameof(RegistrationInput.NativeName), (p, v) => Text(v, s => p.Input.NativeName = s)),
        ("honorific", nameof(RegistrationInput.Honorific), (p, v) => Text(v, s => p.Input.Honorific = s)),
        ("position", nameof(RegistrationInput.Position), (p, v) => Text(v, s => p.Input.Position = s)),
        ("organization", nameof(RegistrationInput.Organization), (p, v) => Text(v, s => p.Input.Organization = s)),
        ("country", nameof(RegistrationInput.CountryCode), (p, v) => Text(v, s => p.Input.CountryCode = s ?? string.Empty)),
        ("email", nameof(RegistrationInput.Email), (p, v) => Text(v, s => p.Input.Email = s ?? string.Empty)),
        ("phone", nameof(RegistrationInput.Phone), (p, v) => Text(v, s => p.Input.Phone = s ?? string.Empty)),
        ("preferredLanguage", nameof(RegistrationInput.PreferredLanguage), (p, v) => Text(v, s => p.Input.PreferredLanguage = s ?? string.Empty)),
        ("dietaryNeeds", nameof(RegistrationInput.DietaryNeeds), (p, v) => Text(v, s => p.Input.DietaryNeeds = s)),
        ("accessibilityNeeds", nameof(RegistrationInput.AccessibilityNeeds), (p, v) => Text(v, s => p.Input.AccessibilityNeeds = s)),
        ("needsVisaLetter", nameof(RegistrationInput.NeedsVisaLetter), (p, v) => v.ValueKind is JsonValueKind.True or JsonValueKind.False && Set(() => p.Input.NeedsVisaLetter = v.GetBoolean())),
        ("delegationId", nameof(RegistrationInput.DelegationId), (p, v) => v.ValueKind == JsonValueKind.Null ? Set(() => p.Input.DelegationId = null)
            : v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var id) && Set(() => p.Input.DelegationId = id)),
        ("category", "Category", (p, v) => v.ValueKind == JsonValueKind.String && ApiJson.TryEnum<DelegateCategory>(v.GetString()!, out var c) && Set(() => p.Category = c)),
        ("precedenceRank", "PrecedenceRank", (p, v) => v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var r) && Set(() => p.PrecedenceRank = r)),
        ("passport.number", nameof(RegistrationInput.PassportNumber), (p, v) => Text(v, s => p.Input.PassportNumber = s)),
        ("passport.nationality", nameof(RegistrationInput.Nationality), (p, v) => Text(v, s => p.Input.Nationality = s)),
        ("passport.placeOfIssue", nameof(RegistrationInput.PassportPlaceOfIssue), (p, v) => Text(v, s => p.Input.PassportPlaceOfIssue = s)),
        ("passport.expiry", nameof(RegistrationInput.PassportExpiry), (p, v) => Date(v, d => p.Input.PassportExpiry = d)),
        ("passport.dateOfBirth", nameof(RegistrationInput.DateOfBirth), (p, v) => Date(v, d => p.Input.DateOfBirth = d)),
    ];

    /// <summary>
    /// What each form field writes to the record, to be put back as stored when the body did not send the field: the form
    /// filled from the record is not the record byte for byte (a telephone on file unformatted, an empty one null), and the
    /// page's cleaning and checks would otherwise rewrite what no one asked to change.
    /// </summary>
    private static readonly (string Field, Action<Delegate, Delegate> Keep)[] Stored =
    [
        (nameof(RegistrationInput.FamilyName), (to, from) => to.FamilyName = from.FamilyName),
        (nameof(RegistrationInput.GivenName), (to, from) => to.GivenName = from.GivenName),
        (nameof(RegistrationInput.NativeName), (to, from) => (to.NativeName, to.NativeNameLanguage) = (from.NativeName, from.NativeNameLanguage)),
        (nameof(RegistrationInput.Honorific), (to, from) => to.Honorific = from.Honorific),
        (nameof(RegistrationInput.Position), (to, from) => to.Position = from.Position),
        (nameof(RegistrationInput.Organization), (to, from) => to.Organization = from.Organization),
        (nameof(RegistrationInput.CountryCode), (to, from) => to.CountryCode = from.CountryCode),
        (nameof(RegistrationInput.Email), (to, from) => to.Email = from.Email),
        (nameof(RegistrationInput.Phone), (to, from) => to.Phone = from.Phone),
        (nameof(RegistrationInput.PreferredLanguage), (to, from) => to.PreferredLanguage = from.PreferredLanguage),
        (nameof(RegistrationInput.Gender), (to, from) => to.Gender = from.Gender),
        (nameof(RegistrationInput.DietaryNeeds), (to, from) => to.DietaryNeeds = from.DietaryNeeds),
        (nameof(RegistrationInput.AccessibilityNeeds), (to, from) => to.AccessibilityNeeds = from.AccessibilityNeeds),
        (nameof(RegistrationInput.InterpretationLanguage), (to, from) => to.InterpretationLanguage = from.InterpretationLanguage),
        (nameof(RegistrationInput.NeedsVisaLetter), (to, from) => to.NeedsVisaLetter = from.NeedsVisaLetter),
        (nameof(RegistrationInput.PassportNumber), (to, from) => to.PassportNumberProtected = from.PassportNumberProtected),
        (nameof(RegistrationInput.DateOfBirth), (to, from) => to.DateOfBirthProtected = from.DateOfBirthProtected),
        (nameof(RegistrationInput.Nationality), (to, from) => to.Nationality = from.Nationality),
        (nameof(RegistrationInput.PassportExpiry), (to, from) => to.PassportExpiry = from.PassportExpiry),
        (nameof(RegistrationInput.PassportPlaceOfIssue), (to, from) => to.PassportPlaceOfIssue = from.PassportPlaceOfIssue),
    ];

    private static readonly HashSet<string> PassportFields =
    [
        nameof(RegistrationInput.PassportNumber), nameof(RegistrationInput.DateOfBirth), nameof(RegistrationInput.Nationality),
        nameof(RegistrationInput.PassportExpiry), nameof(RegistrationInput.PassportPlaceOfIssue),
    ];

    public required RegistrationInput Input { get; init; }
    public DelegateCategory Category { get; set; }
    public int PrecedenceRank { get; set; }

    /// <summary>The form fields the body sent, for the attribute checks (a field left out is not checked again).</summary>
    public HashSet<string> Sent { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the body touches the passport: any <c>passport</c> member or the visa letter (which, turned off, clears the
    /// passport), whatever their values. Such a change needs <c>passport:read</c>, and is refused before any check, so
    /// that the answer tells nothing of the passport on file.
    /// </summary>
    public static bool TouchesPassport(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && (body.TryGetProperty("passport", out _) || body.TryGetProperty("needsVisaLetter", out _));

    /// <summary>
    /// Puts back on <paramref name="saved"/> every field the body did not send, as <paramref name="stored"/> held it. The
    /// passport's fields follow the visa letter when it was sent (turned off, it clears them).
    /// </summary>
    public void KeepUnsent(Delegate saved, Delegate stored)
    {
        var visa = Sent.Contains(nameof(RegistrationInput.NeedsVisaLetter));
        foreach (var (field, keep) in Stored)
        {
            if (!Sent.Contains(field) && !(visa && PassportFields.Contains(field)))
            {
                keep(saved, stored);
            }
        }
    }

    /// <summary>The API's name of a form field (<c>Input.FamilyName</c> → <c>names.family</c>), for the problem's <c>errors</c>.</summary>
    public static string JsonName(string field)
    {
        var bare = field.StartsWith("Input.", StringComparison.Ordinal) ? field["Input.".Length..] : field;
        foreach (var (path, name, _) in Writable)
        {
            if (name == bare)
            {
                return path;
            }
        }

        return bare.Length == 0 ? string.Empty : char.ToLowerInvariant(bare[0]) + bare[1..];
    }

    /// <summary>
    /// Whether a check's finding on <paramref name="path"/> is this patch's to answer for: a field it sent, or the passport's
    /// fields when it sent any of them or the visa letter. A value already on file that today's rules would refuse (an old
    /// import's language, say) does not block a change to another field.
    /// </summary>
    public bool Answers(string path)
    {
        if (Array.Find(Writable, w => w.Path == path) is { Path: not null } field && Sent.Contains(field.Field))
        {
            return true;
        }

        var visa = Sent.Contains(nameof(RegistrationInput.NeedsVisaLetter)) || Writable.Any(w => w.Path.StartsWith("passport.", StringComparison.Ordinal) && Sent.Contains(w.Field));
        return visa && path.StartsWith("passport.", StringComparison.Ordinal);
    }

    /// <summary>Lays the body over the form; what cannot be laid is told under its JSON name.</summary>
    public void Apply(JsonElement body, Dictionary<string, string[]> errors, IStringLocalizer text)
    {
        foreach (var (path, value) in Leaves(body, string.Empty))
        {
            var field = Array.Find(Writable, w => w.Path == path);
            if (field.Path is null)
            {
                errors[path] = [text["Api_FieldNotWritable"]];
            }
            else if (!field.Set(this, value))
            {
                errors[path] = [text["Api_FieldType"]];
            }
            else
            {
                Sent.Add(field.Field);
            }
        }
    }

    /// <summary>The page's attribute checks (required, lengths, address, language) on the fields sent, with the page's messages.</summary>
    public void CheckAttributes(Dictionary<string, string[]> errors, IStringLocalizer text)
    {
        foreach (var property in typeof(RegistrationInput).GetProperties().Where(p => Sent.Contains(p.Name)))
        {
            var display = property.GetCustomAttribute<DisplayAttribute>()?.Name is { } key ? text[key].Value : property.Name;
            var value = property.GetValue(Input);
            if (value is string s && s.Length == 0)
            {
                value = null;
            }

            foreach (var rule in property.GetCustomAttributes<ValidationAttribute>())
            {
                // As the organizer's page: the telephone may be left empty there.
                if (rule is RequiredAttribute && property.Name == nameof(RegistrationInput.Phone) || rule.IsValid(value))
                {
                    continue;
                }

                object[] args = rule switch
                {
                    StringLengthAttribute length => [display, length.MaximumLength, length.MinimumLength],
                    RangeAttribute range => [display, range.Minimum, range.Maximum],
                    _ => [display],
                };
                errors.TryAdd(JsonName(property.Name), [text[rule.ErrorMessage ?? "Validation_Choose", args]]);
            }
        }
    }

    private static IEnumerable<(string Path, JsonElement Value)> Leaves(JsonElement element, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            var path = prefix + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object && (path is "names" or "passport"))
            {
                foreach (var leaf in Leaves(property.Value, path + "."))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (path, property.Value);
            }
        }
    }

    private static bool Set(Action set)
    {
        set();
        return true;
    }

    private static bool Text(JsonElement value, Action<string?> set) => value.ValueKind switch
    {
        JsonValueKind.Null => Set(() => set(null)),
        JsonValueKind.String => Set(() => set(value.GetString())),
        _ => false,
    };

    private static bool Date(JsonElement value, Action<DateOnly?> set) => value.ValueKind switch
    {
        JsonValueKind.Null => Set(() => set(null)),
        JsonValueKind.String when DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            => Set(() => set(d)),
        _ => false,
    };
}
