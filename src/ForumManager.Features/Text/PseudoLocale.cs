using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Text;

/// <summary>
/// The pseudo-locale <c>qps-Ploc</c>: English whose letters are accented look-alikes, bracketed and about a third longer
/// ("Save changes" → "[Šåṽé çĥåñĝéš ····]"). A page read in it shows at a glance every word that did not come from the
/// resources (it stays plain ASCII) and every layout that cannot take a longer language. Offered in Development only
/// (see ForumServices); format placeholders, markup, entities and web addresses in a resource are left as they are.
/// </summary>
public static partial class PseudoLocale
{
    public const string Name = "qps-Ploc";

    /// <summary>Whether the current request is read in the pseudo-locale.</summary>
    public static bool IsCurrent => string.Equals(CultureInfo.CurrentUICulture.Name, Name, StringComparison.OrdinalIgnoreCase);

    private const string Plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Accented = "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";

    /// <summary>The text as the pseudo-locale shows it.</summary>
    public static string Transform(string text)
    {
        if (string.IsNullOrEmpty(text) || (text.StartsWith('[') && text.EndsWith(']') && text.Contains('·', StringComparison.Ordinal)))
        {
            return text;
        }

        var result = new StringBuilder(text.Length * 3 / 2 + 4).Append('[');
        var letters = 0;
        var at = 0;
        foreach (Match kept in Untouched().Matches(text))
        {
            letters += Accent(result, text.AsSpan(at, kept.Index - at));
            result.Append(kept.Value);
            at = kept.Index + kept.Length;
        }

        letters += Accent(result, text.AsSpan(at));

        // The padding comes in words of at most eight dots, so that a long string wraps as a long sentence would.
        for (var padding = Math.Max(1, (int)Math.Ceiling(letters * 0.35)); padding > 0; padding -= 8)
        {
            result.Append(' ').Append('·', Math.Min(8, padding));
        }

        return result.Append(']').ToString();
    }

    /// <summary>The text as the current request reads it: transformed in the pseudo-locale, as it is otherwise.</summary>
    public static string Apply(string text) => IsCurrent ? Transform(text) : text;

    private static int Accent(StringBuilder result, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            var i = Plain.IndexOf(c, StringComparison.Ordinal);
            result.Append(i < 0 ? c : Accented[i]);
        }

        return text.Length;
    }

    /// <summary>Liquid placeholders and tags, format items, markup, entities and web addresses.</summary>
    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}|\{[^{}]*\}|</?[A-Za-z][^<>]*>|&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);|https?://[^\s<]+")]
    private static partial Regex Untouched();
}

/// <summary>
/// Every localizer the app makes (pages, views, data-annotation messages, Identity's errors) reads through this one; in
/// the pseudo-locale it transforms what the resources hold, before the arguments (data) are put in.
/// </summary>
public sealed class PseudoLocalizerFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new PseudoLocalizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new PseudoLocalizer(inner.Create(baseName, location));

    private sealed class PseudoLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Pseudo(inner[name]);

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                if (!PseudoLocale.IsCurrent)
                {
                    return inner[name, arguments];
                }

                var format = Pseudo(inner[name]);
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures).Select(Pseudo);

        /// <summary>A missing resource keeps its key's name, so that the pseudo-locale shows it up too.</summary>
        private static LocalizedString Pseudo(LocalizedString text) => !PseudoLocale.IsCurrent || text.ResourceNotFound
            ? text
            : new LocalizedString(text.Name, PseudoLocale.Transform(text.Value), text.ResourceNotFound, text.SearchedLocation);
    }
}
