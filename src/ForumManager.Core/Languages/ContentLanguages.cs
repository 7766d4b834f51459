using System.Security.Cryptography;
using System.Text;

namespace ForumManager.Core.Languages;

/// <summary>A language an edition can publish its texts in: its code, its name in itself, and its direction.</summary>
public sealed record ContentLanguage(string Code, string Native, bool RightToLeft);

/// <summary>The languages an edition can add to English and Chinese, and the rules every layer shares about them.</summary>
public static class ContentLanguages
{
    public const string English = "en";
    public const string Chinese = "zh-Hans";

    public static readonly IReadOnlyList<ContentLanguage> All =
    [
        new(English, "English", false),
        new(Chinese, "中文", false),
        new("ru", "Русский", false),
        new("fr", "Français", false),
        new("ar", "العربية", true),
        new("ja", "日本語", false),
        new("ko", "한국어", false),
        new("es", "Español", false),
        new("de", "Deutsch", false),
        new("pt", "Português", false),
    ];

    public static ContentLanguage? Find(string? code) => All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the language is one beyond the two every edition has.</summary>
    public static bool IsFurther(string? code) => Find(code) is { } l && l.Code is not (English or Chinese);

    /// <summary>An edition's languages: English, Chinese, then the further ones it publishes in, in catalogue order.</summary>
    public static IReadOnlyList<string> Of(string? further)
    {
        var chosen = (further ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [English, Chinese, .. All.Where(l => l.Code is not (English or Chinese) && chosen.Contains(l.Code, StringComparer.OrdinalIgnoreCase)).Select(l => l.Code)];
    }

    /// <summary>The stored form of an edition's further languages: known codes only, in catalogue order, comma-separated.</summary>
    public static string Store(IEnumerable<string> codes) => string.Join(',', Of(string.Join(',', codes)).Skip(2));

    public static bool RightToLeft(string? code) => Find(code)?.RightToLeft ?? false;

    /// <summary>The hash of an English source text a translation is made from: whitespace at the ends and line endings do not count.</summary>
    public static string Hash(string? english) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((english ?? string.Empty).ReplaceLineEndings("\n").Trim())))[..16];
}
