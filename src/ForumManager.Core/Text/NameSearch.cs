using System.Globalization;
using System.Text;

namespace ForumManager.Core.Text;

/// <summary>
/// How a delegate is found by name. Each delegate keeps a search key: the words of their names folded (accents off,
/// lower case, compatibility forms such as full-width letters made plain), each word also with its hyphens and
/// apostrophes removed, the family and given names run together in both orders, and for scripts written without
/// spaces (Chinese, Japanese, Korean) every tail of a word, since any part of such a name can be the part asked for.
/// A query matches when each of its words begins a word of the key, or when its words run together begin one; so a
/// full name matches in either order and any case, and "wang" matches "Wang" but not the inside of "Kwangsoo".
/// </summary>
public static class NameSearch
{
    /// <summary>The key's column holds this much; longer keys lose their last words, never a word's end.</summary>
    public const int MaxKeyLength = 2000;

    /// <summary>Separates words in a key, and opens and closes it, so that "begins a word" is " " + word.</summary>
    public const char Separator = ' ';

    public static string Key(string? familyName, string? givenName, string? nativeName)
    {
        var words = new List<string>();
        var family = Words(familyName);
        var given = Words(givenName);
        foreach (var word in family.Concat(given))
        {
            AddWord(words, word);
        }

        // German names are also written with ae, oe and ue for ä, ö and ü (as in a passport's machine-readable line):
        // Müller is found by "muller" through folding, and by "mueller" through these.
        foreach (var word in Words(German(familyName)).Concat(Words(German(givenName))))
        {
            AddWord(words, word);
        }

        var familyJoined = string.Concat(family.Select(Joined));
        var givenJoined = string.Concat(given.Select(Joined));
        words.Add(familyJoined);
        words.Add(givenJoined);
        words.Add(familyJoined + givenJoined);
        words.Add(givenJoined + familyJoined);

        var native = Words(nativeName);
        foreach (var word in native)
        {
            AddWord(words, word);
        }

        var nativeJoined = string.Concat(native.Select(Joined));
        AddWord(words, nativeJoined);
        if (native.Count > 1)
        {
            words.Add(string.Concat(native.AsEnumerable().Reverse().Select(Joined)));
        }

        var key = new StringBuilder().Append(Separator);
        foreach (var word in words.Where(w => w.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if (key.Length + word.Length + 1 > MaxKeyLength)
            {
                break;
            }

            key.Append(word).Append(Separator);
        }

        return key.ToString();
    }

    /// <summary>The folded words of a query, each with its hyphens and apostrophes removed; empty when nothing is left to match.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        Words(query).Select(Joined).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Folds text for comparison: compatibility decomposition, Latin, Greek and Cyrillic accents removed (a Japanese voicing
    /// mark is part of its letter and stays), letters that do not decompose spelled out (ß as ss, ø as o), lower case,
    /// and composed again so that Korean syllables stay whole.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormKD).EnumerateRunes())
        {
            if (rune.Value is >= 0x0300 and <= 0x036F || PersonName.IsBidiControl(rune.Value))
            {
                continue;
            }

            var lower = Rune.ToLowerInvariant(rune);
            builder.Append(lower.Value switch
            {
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'ø' => "o",
                'đ' or 'ð' => "d",
                'ł' => "l",
                'ı' => "i",
                'þ' => "th",
                _ => lower.ToString(),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string? German(string? name) => name?.Normalize(NormalizationForm.FormC)
        .Replace("ä", "ae", StringComparison.OrdinalIgnoreCase).Replace("ö", "oe", StringComparison.OrdinalIgnoreCase)
        .Replace("ü", "ue", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folded words of a name: split at white space, punctuation inside a word kept for <see cref="AddWord"/>.</summary>
    private static List<string> Words(string? text) =>
        Fold(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(PunctuationAtEnds)).Where(w => w.Length > 0).ToList();

    private static readonly char[] PunctuationAtEnds = ['.', ',', ';', ':', '(', ')', '"', '\'', '-', '‐', '’', '·', '・'];

    /// <summary>A word as it is written without its hyphens, apostrophes and dots: "xiao-ming" is "xiaoming", "o'brien" is "obrien".</summary>
    private static string Joined(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var rune in word.EnumerateRunes())
        {
            if (!IsPunctuation(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>Adds a word run together, each of its parts ("jean-pierre": "jeanpierre", "jean", "pierre"), and for CJK every tail.</summary>
    private static void AddWord(List<string> words, string word)
    {
        var joined = Joined(word);
        words.Add(joined);
        var parts = new List<string>();
        var part = new StringBuilder();
        foreach (var rune in word.EnumerateRunes())
        {
            if (IsPunctuation(rune))
            {
                parts.Add(part.ToString());
                part.Clear();
            }
            else
            {
                part.Append(rune.ToString());
            }
        }

        parts.Add(part.ToString());
        if (parts.Count > 1)
        {
            words.AddRange(parts);
        }

        if (joined.EnumerateRunes().Any(IsWrittenWithoutSpaces))
        {
            var runes = joined.EnumerateRunes().Select(r => r.ToString()).ToList();
            for (var start = 1; start < runes.Count; start++)
            {
                words.Add(string.Concat(runes.Skip(start)));
            }
        }
    }

    private static bool IsPunctuation(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.DashPunctuation or UnicodeCategory.OtherPunctuation or UnicodeCategory.ConnectorPunctuation
        or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation;

    /// <summary>Han, kana and Hangul: names in these scripts are often written without a space between family and given name.</summary>
    private static bool IsWrittenWithoutSpaces(Rune rune) => rune.Value is
        (>= 0x1100 and <= 0x11FF) or (>= 0x3040 and <= 0x30FF) or (>= 0x3130 and <= 0x318F) or (>= 0x31F0 and <= 0x31FF)
        or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
        or (>= 0x20000 and <= 0x3FFFF);
}
