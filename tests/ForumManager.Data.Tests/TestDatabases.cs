using ForumManager.Data;
using ForumManager.Data.Sqlite;
using ForumManager.Data.SqlServer;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Data.Tests;

/// <summary>A SQLite file in a temp folder, migrated by the real migrations; removed when disposed.</summary>
public sealed class SqliteFileDatabase : IAsyncDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"forummanager-data-{Guid.NewGuid():N}.db");

    public ForumDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<ForumDbContext>();
        options.UseForumSqlite($"Data Source={Path}");
        return new ForumDbContext(options.Options);
    }

    public static async Task<SqliteFileDatabase> CreateAsync()
    {
        var database = new SqliteFileDatabase();
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}

public static class SqlServerModel
{
    /// <summary>A SQL Server context for model and script work; nothing here opens a connection.</summary>
    public static ForumDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<ForumDbContext>();
        options.UseForumSqlServer("Server=localhost;Database=ForumManager;Trusted_Connection=True;TrustServerCertificate=True");
        return new ForumDbContext(options.Options);
    }
}

public static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "ForumManager.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("ForumManager.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
