using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ForumManager.Data.Sqlite;

public static class SqliteForumDatabase
{
    public static DbContextOptionsBuilder UseForumSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteForumDatabase).Assembly.GetName().Name))
            .AddInterceptors(WriteAheadLog.Instance);
}

/// <summary>
/// Every connection uses SQLite's write-ahead log with <c>synchronous=NORMAL</c>: readers no longer wait for writers,
/// and a commit no longer waits for the disk, which is what lets the outbox mark each message sent as it goes. A power
/// cut can lose the last commits, never the file; for the outbox that means a message sent again, never one lost.
/// </summary>
internal sealed class WriteAheadLog : DbConnectionInterceptor
{
    public static WriteAheadLog Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    private static void Configure(DbConnection connection)
    {
        if (connection.DataSource is ":memory:" or "")
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider without the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<ForumDbContext>
{
    public ForumDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ForumDbContext>();
        options.UseForumSqlite("Data Source=design-time.db");
        return new ForumDbContext(options.Options);
    }
}
