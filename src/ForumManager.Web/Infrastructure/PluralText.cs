using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// Counted text: "1 delegate" reads from the key's <c>_One</c> form, every other count from the key itself. English
/// needs the two forms and Chinese does not, but both resource files carry the <c>_One</c> key, since a key missing
/// from Chinese would fall back to the English text.
/// </summary>
public static class PluralText
{
    public static LocalizedString Plural(this IStringLocalizer text, string key, int count, params object[] more) =>
        text[count == 1 ? key + "_One" : key, [count, .. more]];
}
