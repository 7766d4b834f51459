using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
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
/// SQLite's temporary files (a statement journal, a sort) are kept in memory (<c>temp_store=MEMORY</c>): on disk, a
/// registration created and deleted one or two of them, a file system's slowest work, for a few kilobytes each.
/// A writer that finds the file locked waits in SQLite's own busy handler (<c>busy_timeout</c>), which retries after a
/// millisecond or two and then at growing intervals, instead of getting SQLITE_BUSY back at once; the driver's own retry
/// sleeps 150 ms each time, which made concurrent registrations wait far longer than the lock was held.
/// The settings are given once to each connection SQLite opens: EF Core opens and closes a pooled connection around
/// every query, and a pooled connection keeps its settings, so saying them again on each open only cost time (two
/// statements and a file lock, about a tenth of what a small query costs).
/// </summary>
internal sealed class WriteAheadLog : DbConnectionInterceptor
{
    public static WriteAheadLog Instance { get; } = new();

    /// <summary>The native connections already set up, by their handle; a handle closed for good drops out with it.</summary>
    private static readonly ConditionalWeakTable<object, object> Configured = [];

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

        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        // mmap_size: the file is read through a memory map shared by every connection rather than copied page by page
        // into each connection's small cache, which took an overview of 100,000 delegates as much time in system calls
        // as in counting.
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA busy_timeout=30000; PRAGMA mmap_size=268435456;";
        command.ExecuteNonQuery();
        if (handle is not null)
        {
            Configured.TryAdd(handle, handle);
        }
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
