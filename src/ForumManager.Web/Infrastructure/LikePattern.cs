namespace ForumManager.Web.Infrastructure;

/// <summary>
/// Patterns for <c>EF.Functions.Like</c>: case-insensitive for Latin letters on SQLite and on SQL Server's default
/// collation alike (a plain <c>Contains</c> is case-sensitive on SQLite only), with the wildcards in the term escaped.
/// </summary>
public static class LikePattern
{
    public const string Escape = "\\";

    public static string Containing(string term) =>
        "%" + term.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal)
            .Replace("[", Escape + "[", StringComparison.Ordinal) + "%";
}
