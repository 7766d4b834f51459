using System.Collections.Concurrent;
using System.Text;
using SkiaSharp;

namespace ForumManager.Documents.Text;

/// <summary>
/// Chooses a system typeface for each character: the Noto family made for its script first (the CJK face by the
/// text's language, because Chinese, Japanese and Korean draw the same code point differently), then whatever the
/// system's font manager finds, then DejaVu Sans. Typefaces are loaded once per process.
/// </summary>
public sealed class FontChain
{
    public static FontChain Shared { get; } = new();

    private const string Latin = "Noto Sans";
    private const string LastResort = "DejaVu Sans";
    private readonly ConcurrentDictionary<(string Family, bool Bold), SKTypeface?> byFamily = new();
    private readonly ConcurrentDictionary<(int CodePoint, string Language, bool Bold), SKTypeface?> byCharacter = new();

    /// <summary>The typeface that draws <paramref name="codePoint"/>, or null when no font on this system has it.</summary>
    public SKTypeface? For(int codePoint, string? language, bool bold)
    {
        var lang = language ?? string.Empty;
        return byCharacter.GetOrAdd((codePoint, lang, bold), key => Find(key.CodePoint, key.Language, key.Bold));
    }

    /// <summary>The typeface for text with no script of its own (digits, spaces), when nothing around it decides.</summary>
    public SKTypeface Default(bool bold) => Family(Latin, bold) ?? Family(LastResort, bold) ?? SKTypeface.Default;

    private SKTypeface? Find(int codePoint, string language, bool bold)
    {
        foreach (var family in Preferred(codePoint, language))
        {
            var face = Family(family, bold);
            if (face is not null && Glyphs.Has(face, codePoint))
            {
                return face;
            }
        }

        var style = bold ? SKFontStyle.Bold : SKFontStyle.Normal;
        string[] languages = language.Length > 0 ? [language] : [];
        var matched = SKFontManager.Default.MatchCharacter(null, style, languages, codePoint);
        if (matched is not null && Glyphs.Has(matched, codePoint))
        {
            return matched;
        }

        var last = Family(LastResort, bold);
        return last is not null && Glyphs.Has(last, codePoint) ? last : null;
    }

    private SKTypeface? Family(string family, bool bold) => byFamily.GetOrAdd((family, bold), key =>
    {
        var face = SKTypeface.FromFamilyName(key.Family, key.Bold ? SKFontStyle.Bold : SKFontStyle.Normal);
        // The font manager answers with some other family when the one asked for is not installed.
        return face is not null && string.Equals(face.FamilyName, key.Family, StringComparison.OrdinalIgnoreCase) ? face : null;
    });

    private static IEnumerable<string> Preferred(int c, string language)
    {
        switch (Scripts.Of(c))
        {
            case Script.Han:
                yield return CjkFamily(language);
                yield return "Noto Sans CJK SC";
                break;
            case Script.Kana:
                yield return "Noto Sans CJK JP";
                break;
            case Script.Hangul:
                yield return "Noto Sans CJK KR";
                break;
            case Script.Arabic:
                yield return "Noto Naskh Arabic";
                yield return "Noto Sans Arabic";
                break;
            case Script.Devanagari:
                yield return "Noto Sans Devanagari";
                break;
            case Script.Thai:
                yield return "Noto Sans Thai";
                yield return "Noto Looped Thai";
                break;
            case Script.Hebrew:
                yield return "Noto Sans Hebrew";
                break;
        }

        yield return Latin;
    }

    private static string CjkFamily(string language)
    {
        var lang = language.ToLowerInvariant();
        if (lang.StartsWith("ja", StringComparison.Ordinal))
        {
            return "Noto Sans CJK JP";
        }

        if (lang.StartsWith("ko", StringComparison.Ordinal))
        {
            return "Noto Sans CJK KR";
        }

        if (lang is "zh-hant" or "zh-tw" or "zh-hk" or "zh-mo" || lang.StartsWith("zh-hant", StringComparison.Ordinal))
        {
            return lang.EndsWith("hk", StringComparison.Ordinal) ? "Noto Sans CJK HK" : "Noto Sans CJK TC";
        }

        return "Noto Sans CJK SC";
    }
}

public enum Script
{
    Common,
    Latin,
    Han,
    Kana,
    Hangul,
    Arabic,
    Hebrew,
    Devanagari,
    Thai,
    Other,
}

public static class Scripts
{
    public static Script Of(int c) => c switch
    {
        < 0x30 or (>= 0x3A and <= 0x40) or (>= 0x5B and <= 0x60) or (>= 0x7B and <= 0xBF) => Script.Common,
        >= 0x30 and <= 0x39 => Script.Common,
        >= 0x2000 and <= 0x206F => Script.Common,
        < 0x0590 => Script.Latin,
        >= 0x0590 and <= 0x05FF => Script.Hebrew,
        (>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F) or (>= 0x08A0 and <= 0x08FF)
            or (>= 0xFB50 and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF) => Script.Arabic,
        (>= 0x0900 and <= 0x097F) or (>= 0xA8E0 and <= 0xA8FF) => Script.Devanagari,
        >= 0x0E00 and <= 0x0E7F => Script.Thai,
        (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F) or (>= 0xAC00 and <= 0xD7AF) => Script.Hangul,
        (>= 0x3040 and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF) => Script.Kana,
        (>= 0x2E80 and <= 0x2FDF) or (>= 0x3000 and <= 0x303F) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0xFF00 and <= 0xFFEF) or (>= 0x20000 and <= 0x3FFFF) => Script.Han,
        (>= 0x1E00 and <= 0x1FFF) => Script.Latin,
        _ => Script.Other,
    };

    /// <summary>Default-ignorable code points: joiners, variation selectors, invisible marks.</summary>
    public static bool IsIgnorable(int c) => c is 0x00AD or 0x034F or 0x061C or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E)
        or (>= 0x2060 and <= 0x206F) or (>= 0xFE00 and <= 0xFE0F) or 0xFEFF or (>= 0xE0000 and <= 0xE0FFF);

    public static bool IsRightToLeft(Script script) => script is Script.Arabic or Script.Hebrew;

    /// <summary>
    /// Whether every letter of <paramref name="text"/> is a Latin letter (accents and marks included), so that it needs
    /// no second, Latin form beside it. <see cref="Of"/> counts Greek and Cyrillic with Latin because one font draws them;
    /// here they count as the scripts they are.
    /// </summary>
    public static bool IsLatinOnly(string text) => text.EnumerateRunes()
        .Where(Rune.IsLetter)
        .All(r => r.Value is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= 0xC0 and <= 0x24F and not (0xD7 or 0xF7))
            or (>= 0x1E00 and <= 0x1EFF) or (>= 0x2C60 and <= 0x2C7F) or (>= 0xA720 and <= 0xA7FF) or (>= 0xAB30 and <= 0xAB6F)
            or 0xAA or 0xBA);
}

/// <summary>Whether a typeface has a glyph for a code point, asked through one cached font per typeface.</summary>
public static class Glyphs
{
    private static readonly ConcurrentDictionary<SKTypeface, SKFont> Fonts = new();

    public static bool Has(SKTypeface face, int codePoint) => Fonts.GetOrAdd(face, f => new SKFont(f)).ContainsGlyph(codePoint);
}
