using System.Globalization;

namespace ForumManager.Features.Text;

/// <summary>
/// Language codes as the reader's words: "fr" is "French" on an English page and "法语" on a Chinese one (ICU's names
/// for the page's culture). A code no culture knows is shown as it is rather than lost.
/// </summary>
public static class LanguageNames
{
    public static string? Of(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        try
        {
            return PseudoLocale.Apply(CultureInfo.GetCultureInfo(code.Trim(), predefinedOnly: true).DisplayName);
        }
        catch (CultureNotFoundException)
        {
            return code.Trim();
        }
    }

    /// <summary>A session's languages ("zh,en") as a list in the reader's words ("Chinese, English"; "中文、英语").</summary>
    public static string? List(string? codes) => Join(codes, ',', UiLanguage.Chinese ? "、" : ", ");

    /// <summary>An interpretation pair ("zh-en") in the reader's words ("Chinese – English").</summary>
    public static string? Pair(string? codes) => Join(codes, '-', " – ");

    private static string? Join(string? codes, char separator, string between) => string.IsNullOrWhiteSpace(codes)
        ? null
        : string.Join(between, codes.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => Of(c)));
}
