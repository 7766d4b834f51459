using Microsoft.EntityFrameworkCore;

namespace ForumManager.Data.Tests;

/// <summary>Every connection the app uses writes through SQLite's write-ahead log without waiting for the disk, keeps its temporary files in memory and waits for a lock in SQLite's busy handler.</summary>
public sealed class WriteAheadLogTests
{
    private static async Task<(string JournalMode, long Synchronous, long TempStore, long BusyTimeout)> SettingsAsync(ForumDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var journalMode = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous";
            var synchronous = (long)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA temp_store";
            var tempStore = (long)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA busy_timeout";
            var busyTimeout = (long)(await command.ExecuteScalarAsync())!;
            return (journalMode, synchronous, tempStore, busyTimeout);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task Should_use_the_write_ahead_log_normal_sync_memory_for_temporary_files_and_the_busy_handler_on_every_open_of_every_connection()
    {
        await using var database = await SqliteFileDatabase.CreateAsync();

        // Several contexts at once take several pooled connections; each is opened again and again afterwards.
        var contexts = Enumerable.Range(0, 3).Select(_ => database.NewContext()).ToList();
        foreach (var db in contexts)
        {
            await db.Database.OpenConnectionAsync();
        }

        foreach (var db in contexts)
        {
            await db.Database.CloseConnectionAsync();
        }

        var seen = new List<(string, long, long, long)>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var db in contexts)
            {
                seen.Add(await SettingsAsync(db));
            }
        }

        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }

        // Synchronous 1 is NORMAL (SQLite's default, FULL, is 2); temp_store 2 is MEMORY (the default, 0, leaves it to
        // the build, which writes files); a locked file is waited for in SQLite's busy handler for up to 30 s (the
        // default, 0, hands SQLITE_BUSY to the driver, whose retry sleeps 150 ms at a time).
        Assert.All(seen, s => Assert.Equal(("wal", 1L, 2L, 30000L), s));
    }
}
