using System.Globalization;

namespace ForumManager.Core.Delegates;

/// <summary>
/// A delegate's readable reference, such as <c>HISCF2010-00221</c>: the forum's acronym and the registration's number
/// within that forum, in the visa letter's form (<c>HISCF2010-VL-00221</c>). It is given once, when the registration is
/// first saved, and never changes, so a printed badge, an export and an import all name the same person.
/// </summary>
public static class DelegateReference
{
    /// <summary>The longest acronym (32) and the largest number, with room to spare.</summary>
    public const int MaxLength = 48;

    public static string Format(string acronym, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{acronym.Trim().ToUpperInvariant()}-{number:D5}");

    /// <summary>The number of the delegate's visa letter: the reference with "VL" before its number (HISCF2010-VL-00221).</summary>
    public static string Letter(string reference)
    {
        var dash = reference.LastIndexOf('-');
        return dash < 0 ? reference + "-VL" : string.Concat(reference.AsSpan(0, dash), "-VL", reference.AsSpan(dash));
    }

    /// <summary>
    /// What a person typed or a file holds, in the stored form: trimmed and upper-cased, so "hiscf2010-00221 " finds
    /// HISCF2010-00221. Null for text that cannot be a reference (no hyphen followed by digits at the end).
    /// </summary>
    public static string? Normalize(string? text)
    {
        var value = text?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return null;
        }

        var dash = value.LastIndexOf('-');
        return dash > 0 && dash < value.Length - 1 && value.AsSpan(dash + 1).ContainsAnyExcept("0123456789") is false ? value : null;
    }

    /// <summary>The number alone ("221" or "00221"), as a person at the desk may read it off a badge; null for anything else.</summary>
    public static int? Number(string? text)
    {
        var value = text?.Trim();
        return value is { Length: > 0 and <= 9 } && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : null;
    }

    /// <summary>The ending every reference with <paramref name="number"/> has, whatever the forum: "-00221".</summary>
    public static string Ending(int number) => string.Create(CultureInfo.InvariantCulture, $"-{number:D5}");
}
