using System.Collections.Frozen;
using System.Globalization;

namespace ForumManager.Core.Registration;

public sealed record Country(string Code, string NameEn, string NameZh)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

/// <summary>
/// ISO 3166-1 countries and regions with their English and Chinese names, from db/reference/countries.csv:
/// English from Debian's iso-codes, Chinese from CLDR as ICU gives it (scripts/countries-from-icu.cs
/// writes that column, and a test compares it with the ICU the tests run on), except where the host
/// names a place its own way.
/// </summary>
public static class Countries
{
    /// <summary>
    /// The names a Chinese government host prints where CLDR differs: CLDR calls Taiwan "台湾" and the two
    /// special administrative regions by their long form, and calls Palestine, which China recognises as
    /// a state, "巴勒斯坦领土".
    /// </summary>
    public static readonly FrozenDictionary<string, string> HostChineseNames = new Dictionary<string, string>
    {
        ["HK"] = "中国香港",
        ["MO"] = "中国澳门",
        ["TW"] = "中国台湾",
        ["PS"] = "巴勒斯坦",
    }.ToFrozenDictionary();

    private static readonly Lazy<(IReadOnlyList<Country> List, FrozenDictionary<string, Country> ByCode)> Data = new(Load);

    public static IReadOnlyList<Country> All => Data.Value.List;

    /// <summary>
    /// Every country sorted by its name in the reader's language: for Chinese, ICU's collation orders by
    /// pinyin, so 阿富汗 comes before 巴西 and 中国澳门 among the Z.
    /// </summary>
    public static IReadOnlyList<Country> SortedFor(bool chinese)
    {
        var culture = CultureInfo.GetCultureInfo(chinese ? "zh-Hans" : "en");
        return All.OrderBy(c => c.Name(chinese), StringComparer.Create(culture, ignoreCase: true)).ToList();
    }

    public static Country? Find(string? code) =>
        code is not null && Data.Value.ByCode.TryGetValue(code.Trim().ToUpperInvariant(), out var country) ? country : null;

    public static bool IsKnown(string? code) => Find(code) is not null;

    private static (IReadOnlyList<Country>, FrozenDictionary<string, Country>) Load()
    {
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream("ForumManager.Core.countries.csv")
            ?? throw new InvalidOperationException("The country list is not embedded.");
        using var reader = new StreamReader(stream);
        var list = new List<Country>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var fields = SplitCsv(line);
            var code = fields[0];
            list.Add(new Country(code, fields[1], HostChineseNames.GetValueOrDefault(code, fields[2])));
        }

        return (list, list.ToFrozenDictionary(c => c.Code));
    }

    // The file is ours and simple: commas, and double quotes around a name that holds a comma.
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
