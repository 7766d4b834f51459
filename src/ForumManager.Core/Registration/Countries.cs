using System.Collections.Frozen;

namespace ForumManager.Core.Registration;

public sealed record Country(string Code, string NameEn, string NameZh)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

/// <summary>
/// ISO 3166-1 countries and regions with their English and Chinese names, from db/reference/countries.csv
/// (Debian's iso-codes, with the names a Chinese host uses for Taiwan, Hong Kong and Macao).
/// </summary>
public static class Countries
{
    private static readonly Lazy<(IReadOnlyList<Country> List, FrozenDictionary<string, Country> ByCode)> Data = new(Load);

    public static IReadOnlyList<Country> All => Data.Value.List;

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
            list.Add(new Country(fields[0], fields[1], fields[2]));
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
