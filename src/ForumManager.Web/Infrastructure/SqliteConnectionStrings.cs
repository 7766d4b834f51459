using Microsoft.Data.Sqlite;

namespace ForumManager.Web.Infrastructure;

internal static class SqliteConnectionStrings
{
    /// <summary>
    /// A relative <c>Data Source</c> is taken relative to the content root, not the working directory, and its
    /// folder is created, so the app starts from an empty folder.
    /// </summary>
    public static string ResolveDataSource(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return connectionString;
        }

        var path = Path.IsPathRooted(source) ? source : Path.GetFullPath(Path.Combine(contentRoot, source));
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        builder.DataSource = path;
        return builder.ToString();
    }
}
