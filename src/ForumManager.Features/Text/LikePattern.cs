namespace ForumManager.Features.Text;

/// <summary>
/// Patterns for <c>EF.Functions.Like</c>: case-insensitive for Latin letters on SQLite and on SQL Server's default
/// collation alike (a plain <c>Contains</c> is case-sensitive on SQLite only), with the wildcards in the term escaped.
/// </summary>
public static class LikePattern
{
    public const string Escape = "\\";

    /// <summary>
    /// No text that is searched is longer (names, addresses, room numbers, answers of at most 1,000 characters), so a
    /// longer term matches nothing; SQLite would refuse its pattern outright (over 50,000 bytes is "too complex").
    /// </summary>
    public const int LongestTerm = 1000;

    public static bool CanMatch(string term) => term.Length <= LongestTerm;

    public static string Containing(string term) => "%" + Escaped(term) + "%";

    public static string Starting(string term) => Escaped(term) + "%";

    /// <summary>Text in which a word begins with the term, where words are separated (and the text opened) by <paramref name="separator"/>.</summary>
    public static string StartingWord(string term, char separator) => "%" + separator + Escaped(term) + "%";

    private static string Escaped(string term) =>
        term.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal)
            .Replace("[", Escape + "[", StringComparison.Ordinal);
}
