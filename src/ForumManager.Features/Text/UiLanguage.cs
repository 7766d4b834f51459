using System.Globalization;

namespace ForumManager.Features.Text;

/// <summary>The language the current request is shown in.</summary>
public static class UiLanguage
{
    /// <summary>Whether the page is in Chinese (zh-Hans, or any zh culture the browser asked for).</summary>
    public static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    /// <summary>The page's language as a delegate's message language (en or zh-Hans), the default the forms offer.</summary>
    public static string Code => Chinese ? "zh-Hans" : "en";
}
