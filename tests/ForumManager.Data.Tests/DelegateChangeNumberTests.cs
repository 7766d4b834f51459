using ForumManager.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static ForumManager.Data.Tests.DelegateReferenceTests;

namespace ForumManager.Data.Tests;

/// <summary>
/// Every saved change to a delegate gets the next number of one counter, in the order the changes commit: what an API
/// client synchronising with <c>changed_since</c> relies on to miss nothing.
/// </summary>
public sealed class DelegateChangeNumberTests
{
    private static Task<long> CounterAsync(ForumDbContext db) =>
        db.ChangeCounters.Where(c => c.Name == ForumDbContext.DelegateChanges).Select(c => c.Value).SingleAsync();

    [Fact]
    public async Task Should_give_each_saved_change_a_larger_number_than_every_change_committed_before_it()
    {
        await using var database = await SqliteFileDatabase.CreateAsync();
        var forumId = await ForumAsync(database, "HISCF2010");
        int[] ids;
        await using (var db = database.NewContext())
        {
            var people = Enumerable.Range(0, 8).Select(i => Person(forumId, $"p{i}")).ToList();
            db.Delegates.AddRange(people);
            await db.SaveChangesAsync();
            ids = [.. people.Select(p => p.Id)];
            Assert.Equal(Enumerable.Range(1, 8).Select(n => (long)n), people.Select(p => p.ChangeSeq).Order());
        }

        // Sixteen edits at once, each in its own context and connection, as concurrent requests are.
        const int edits = 16;
        using var start = new Barrier(edits);
        var committed = new System.Collections.Concurrent.ConcurrentQueue<long>();
        await Task.WhenAll(Enumerable.Range(0, edits).Select(i => Task.Run(async () =>
        {
            await using var db = database.NewContext();
            var record = await db.Delegates.SingleAsync(d => d.Id == ids[i % ids.Length]);
            record.Position = $"Edit {i}";
            start.SignalAndWait();
            await db.SaveChangesAsync();
            committed.Enqueue(record.ChangeSeq);
        })));

        await using var read = database.NewContext();
        Assert.Equal(edits, committed.Distinct().Count());
        Assert.Equal(Enumerable.Range(9, edits).Select(n => (long)n), committed.Order());
        Assert.Equal(8 + edits, await CounterAsync(read));

        // Each record holds the number of its last change, and a save that changes nothing takes no number.
        var last = await read.Delegates.Select(d => d.ChangeSeq).MaxAsync();
        Assert.Equal(8 + edits, last);
        var unchanged = await read.Delegates.FirstAsync();
        await read.SaveChangesAsync();
        Assert.Equal(8 + edits, await CounterAsync(read));
        Assert.Equal(unchanged.ChangeSeq, await read.Delegates.Where(d => d.Id == unchanged.Id).Select(d => d.ChangeSeq).SingleAsync());
    }

    [Fact]
    public async Task Should_give_the_numbers_of_a_failed_save_back()
    {
        await using var database = await SqliteFileDatabase.CreateAsync();
        var forumId = await ForumAsync(database, "HISCF2010");
        await using var db = database.NewContext();
        var first = Person(forumId, "a");
        var second = Person(forumId, "b");
        db.Delegates.AddRange(first, second);
        await db.SaveChangesAsync();

        second.Email = first.Email;
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await using var read = database.NewContext();
        Assert.Equal(2, await CounterAsync(read));
        Assert.Equal(2, await read.Delegates.Where(d => d.Id == second.Id).Select(d => d.ChangeSeq).SingleAsync());
    }

    [Fact]
    public async Task Should_number_delegates_saved_before_change_numbers_and_continue_after_them()
    {
        var path = Path.Combine(Path.GetTempPath(), $"forummanager-data-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<ForumDbContext>();
        options.UseForumSqlite($"Data Source={path}");
        try
        {
            await using (var before = new ForumDbContext(options.Options))
            {
                await before.GetService<IMigrator>().MigrateAsync("20261130122231_BadgeBatchJobs");
                await InsertAsync(before, "Forums", new() { ["Id"] = 7, ["Acronym"] = "hiscf2010" });
                await InsertAsync(before, "Delegates", new() { ["Id"] = 3, ["ForumId"] = 7, ["Email"] = "a@example.org", ["CheckInToken"] = "a", ["Reference"] = "HISCF2010-00003" });
                await InsertAsync(before, "Delegates", new() { ["Id"] = 42, ["ForumId"] = 7, ["Email"] = "b@example.org", ["CheckInToken"] = "b", ["Reference"] = "HISCF2010-00042" });
                await before.Database.MigrateAsync();
            }

            await using var db = new ForumDbContext(options.Options);
            await db.Database.ExecuteSqlRawAsync("UPDATE Delegates SET Category = 'Delegate', Status = 'Submitted', Clearance = 'Pending', CreatedUtc = '2010-05-01 00:00:00', UpdatedUtc = '2010-05-01 00:00:00'");
            var rows = await db.Delegates.OrderBy(d => d.Id).Select(d => new { d.Id, d.ChangeSeq }).ToListAsync();
            Assert.Equal([(3, 3L), (42, 42L)], rows.Select(r => (r.Id, r.ChangeSeq)));

            var edited = await db.Delegates.SingleAsync(d => d.Id == 3);
            edited.Position = "Mayor";
            await db.SaveChangesAsync();
            Assert.Equal(43, edited.ChangeSeq);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
