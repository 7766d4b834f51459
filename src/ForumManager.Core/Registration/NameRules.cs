using System.Globalization;
using System.Text;

namespace ForumManager.Core.Registration;

/// <summary>What a name may hold: the Latin spelling as in a passport, and the name in the person's own script.</summary>
public static class NameRules
{
    /// <summary>Latin letters (with diacritics), spaces, hyphens, apostrophes and full stops, as passports print them.</summary>
    public static bool IsPassportLatin(string name) =>
        name.Length > 0 && name.EnumerateRunes().All(r =>
            (Rune.IsLetter(r) && IsLatin(r.Value)) || Rune.GetUnicodeCategory(r) == UnicodeCategory.NonSpacingMark || r.Value is ' ' or '-' or '\'' or '.');

    /// <summary>Letters and marks of any script, spaces and the separators names use (· ・ ' - .), nothing else.</summary>
    public static bool IsName(string name) =>
        name.Length > 0 && name.EnumerateRunes().All(r =>
            Rune.IsLetter(r) || Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            || r.Value is ' ' or '-' or '\'' or '.' or '·' or '・' or '\u2019' or '\u200C' or '\u200D');

    private static bool IsLatin(int codePoint) => codePoint is
        (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= 0x00C0 and <= 0x024F) or (>= 0x1E00 and <= 0x1EFF);
}
