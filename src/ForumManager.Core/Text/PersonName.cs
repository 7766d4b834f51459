using System.Globalization;
using System.Text;

namespace ForumManager.Core.Text;

/// <summary>How names and other free text are cleaned before they are stored.</summary>
public static class PersonName
{
    /// <summary>A name in Latin letters as lists and documents print it: the family name in capitals, then the given names.</summary>
    public static string Latin(string familyName, string givenName) => $"{familyName.ToUpperInvariant()} {givenName}";

    /// <summary>
    /// Unicode NFC, bidirectional control characters removed (they can make a name display as something
    /// else: CVE-2021-42574 style spoofing), other control characters removed, runs of white space folded.
    /// </summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var normalized = value.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (IsBidiControl(rune.Value))
            {
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsWhiteSpace(rune) || category is UnicodeCategory.Control)
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    public static string? CleanOrNull(string? value)
    {
        var cleaned = Clean(value);
        return cleaned.Length == 0 ? null : cleaned;
    }

    public static bool IsBidiControl(int codePoint) => codePoint is
        0x061C or 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);
}
