using System.Globalization;
using System.Text.RegularExpressions;

namespace ForumManager.BrowserTests;

/// <summary>
/// Tells, in a page read in the pseudo-locale (qps-Ploc), the words that did not come through the localizer: every
/// resource's letters are accented there, so a word of two plain ASCII letters or more is English the app wrote by
/// hand, unless it is data. Data is not the app's text, and is recognised so:
/// <list type="bullet">
/// <item>any value the forum's database holds as text (names, e-mail addresses, references, session titles, rooms...),
/// found in the text at word boundaries, whole or as a part (a name put together from its given and family names);</item>
/// <item>the same, cut short with an ellipsis to fit a chart or a map;</item>
/// <item>e-mail addresses, web addresses, file names (schedule.json) and template placeholders ({{ delegate.name }});</item>
/// <item>codes: a word with a digit in it (HN26-0001, A6, 14:30);</item>
/// <item>dates: English month and day names (dates and numbers keep English formats in the pseudo-locale);</item>
/// <item>the names of file formats and standards, which no language translates (<see cref="Names"/>).</item>
/// </list>
/// Markup marks a proper name, a code or an address with <c>translate="no"</c>, and the tour does not read it at all.
/// </summary>
public sealed partial class PseudoText
{
    /// <summary>Formats and standards named the same in every language.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "PDF", "CSV", "XLSX", "XML", "JSON", "HTML", "JPEG", "PNG", "QR", "API", "URL", "HTTP", "HTTPS", "REST", "OpenAPI",
        "iCal", "ICS", "frab", "XLIFF", "UTC", "SMTP", "Liquid", "WeChat", "ID", "Excel", "GET", "POST", "PUT", "PATCH", "DELETE",
    };

    private static readonly IReadOnlySet<string> DateWords = DateNames(CultureInfo.GetCultureInfo("en"));

    private readonly HashSet<string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _valuesByWord = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="data">The values of the forum's data as text.</param>
    public PseudoText(IEnumerable<string> data)
    {
        foreach (var value in data.Select(v => Space().Replace(v, " ").Trim()).Where(v => v.Length >= 2).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            _values.Add(value);
            foreach (var word in Words(value).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!_valuesByWord.TryGetValue(word, out var list))
                {
                    _valuesByWord[word] = list = [];
                }

                list.Add(value);
            }
        }

        foreach (var list in _valuesByWord.Values)
        {
            list.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }

    /// <summary>The words of <paramref name="text"/> that are plain English and not data; none when all of it went through the localizer.</summary>
    public IReadOnlyList<string> EnglishWords(string text)
    {
        text = Space().Replace(Addresses().Replace(text, " "), " ").Trim();
        if (text.Length == 0 || _values.Contains(text))
        {
            return [];
        }

        var words = Words(text).Where(w => !Names.Contains(w) && !DateWords.Contains(w)).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        // A value cut short to fit ("KHALIL Ahm…", "Delegation of Annapo…"): its end is the start of a value of the data.
        if (text.EndsWith('…'))
        {
            var kept = text[..^1].TrimEnd();
            foreach (var start in Word().Matches(kept).Select(m => m.Index))
            {
                var tail = kept[start..];
                if (_values.Any(v => v.StartsWith(tail, StringComparison.OrdinalIgnoreCase)))
                {
                    text = kept[..start];
                    words = Words(text).Where(w => !Names.Contains(w) && !DateWords.Contains(w)).ToList();
                    break;
                }
            }
        }

        // Each English word may be part of a value of the data found in the text: the longest such value found goes.
        var rest = text;
        foreach (var word in words)
        {
            if (_valuesByWord.TryGetValue(word, out var values))
            {
                foreach (var value in values)
                {
                    var found = Regex.Replace(rest, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(value)}(?![\p{{L}}\p{{N}}])", " ", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                    if (found.Length != rest.Length)
                    {
                        rest = found;
                    }
                }
            }
        }

        return Words(rest).Where(w => !Names.Contains(w) && !DateWords.Contains(w)).ToList();
    }

    /// <summary>Words of two ASCII letters or more; a word with a digit in it is a code, one with an accented letter was transformed.</summary>
    private static IEnumerable<string> Words(string text) =>
        Word().Matches(text).Select(m => m.Value).Where(w => w.Length >= 2 && w.All(char.IsAsciiLetter));

    private static HashSet<string> DateNames(CultureInfo culture)
    {
        var format = culture.DateTimeFormat;
        return new HashSet<string>(
            format.MonthNames.Concat(format.AbbreviatedMonthNames).Concat(format.DayNames).Concat(format.AbbreviatedDayNames)
                .Concat([format.AMDesignator, format.PMDesignator, "Sept"]).Where(n => n.Length > 0),
            StringComparer.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"[^\s@<>()""']+@[^\s@<>()""']+\.[A-Za-z]{2,}|(https?|mailto|tel):[^\s<>""']+|\bwww\.[^\s<>""']+|\b[\w-]+\.(json|xml|ics|pdf|csv|xlsx|jpg|png)\b|\{\{.*?\}\}|\{%.*?%\}")]
    private static partial Regex Addresses();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
