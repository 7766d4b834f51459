using System.Globalization;
using System.Resources;

namespace ForumManager.Features;

/// <summary>The one resource every UI string comes from (Resources/SharedResource.*.resx).</summary>
public sealed class SharedResource
{
    /// <summary>For the few places that format text outside dependency injection (model binding messages).</summary>
    public static ResourceManager Manager { get; } = new("ForumManager.Features.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static string Get(string key) => Manager.GetString(key, CultureInfo.CurrentUICulture) is { } text ? Text.PseudoLocale.Apply(text) : key;

    /// <summary>A string in a given language, for mail to someone whose language is not the request's.</summary>
    public static string Get(string key, string language, params object[] args)
    {
        var text = Manager.GetString(key, CultureInfo.GetCultureInfo(language == "zh-Hans" ? "zh-Hans" : "en")) is { } found
            ? language == "zh-Hans" ? found : Text.PseudoLocale.Apply(found) // English asked for by a page read in the pseudo-locale
            : key;
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }
}
