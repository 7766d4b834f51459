using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ForumManager.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Data.Tests;

/// <summary>Every delegate's readable reference: given once on the first save, numbered per forum, unique by the database.</summary>
public sealed class DelegateReferenceTests
{
    internal static async Task<int> ForumAsync(SqliteFileDatabase database, string acronym)
    {
        await using var db = database.NewContext();
        var forum = new Forum
        {
            Acronym = acronym, NameEn = acronym, NameZh = acronym, PlaceEn = "Changsha", PlaceZh = "长沙", TimeZoneId = "Asia/Shanghai",
            StartDate = new DateOnly(2010, 6, 22), EndDate = new DateOnly(2010, 6, 24), CreatedUtc = DateTime.UtcNow,
        };
        db.Forums.Add(forum);
        await db.SaveChangesAsync();
        return forum.Id;
    }

    internal static Delegate Person(int forumId, string given) => new()
    {
        ForumId = forumId, FamilyName = "Wang", GivenName = given, CountryCode = "CN", Email = $"{given}-{Guid.NewGuid():N}@example.org",
        CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
    };

    [Fact]
    public async Task Should_number_each_forums_delegates_from_one_with_the_forums_acronym()
    {
        await using var database = await SqliteFileDatabase.CreateAsync();
        var first = await ForumAsync(database, "HISCF2010");
        var second = await ForumAsync(database, "hiscf2012");
        await using (var db = database.NewContext())
        {
            db.Delegates.AddRange(Person(first, "a"), Person(second, "b"), Person(first, "c"));
            await db.SaveChangesAsync();
            db.Delegates.Add(Person(first, "d"));
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var references = await read.Delegates.OrderBy(d => d.GivenName).Select(d => d.Reference).ToListAsync();
        Assert.Equal(["HISCF2010-00001", "HISCF2012-00001", "HISCF2010-00002", "HISCF2010-00003"], references);
    }

    [Fact]
    public async Task Should_keep_the_reference_when_the_registration_is_edited()
    {
        await using var database = await SqliteFileDatabase.CreateAsync();
        var forumId = await ForumAsync(database, "HISCF2010");
        await using var db = database.NewContext();
        var record = Person(forumId, "a");
        db.Delegates.Add(record);
        await db.SaveChangesAsync();
        var given = record.Reference;

        record.FamilyName = "Li";
        record.Status = RegistrationStatus.Approved;
        await db.SaveChangesAsync();

        await using var read = database.NewContext();
        Assert.Equal(given, await read.Delegates.Where(d => d.Id == record.Id).Select(d => d.Reference).SingleAsync());
        Assert.Equal("HISCF2010-00001", given);
    }

    [Fact]
    public async Task Should_give_concurrent_registrations_different_numbers_without_gaps()
    {
        await using var database = await SqliteFileDatabase.CreateAsync();
        var forumId = await ForumAsync(database, "HISCF2010");
        const int registrations = 24;
        using var start = new Barrier(registrations);

        // Each registration is its own context and connection, as concurrent requests are; they save at the same moment.
        await Task.WhenAll(Enumerable.Range(0, registrations).Select(i => Task.Run(async () =>
        {
            await using var db = database.NewContext();
            db.Delegates.Add(Person(forumId, $"p{i}"));
            start.SignalAndWait();
            await db.SaveChangesAsync();
        })));

        await using var read = database.NewContext();
        var references = await read.Delegates.Select(d => d.Reference).ToListAsync();
        Assert.Equal(registrations, references.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, registrations).Select(n => DelegateReference.Format("HISCF2010", n)).Order(), references.Order());
        Assert.Equal(registrations, await read.Forums.Where(f => f.Id == forumId).Select(f => f.DelegateNumbersIssued).SingleAsync());
    }

    [Fact]
    public async Task Should_refuse_a_second_delegate_with_the_same_reference_in_the_database()
    {
        await using var database = await SqliteFileDatabase.CreateAsync();
        var forumId = await ForumAsync(database, "HISCF2010");
        await using var db = database.NewContext();
        var first = Person(forumId, "a");
        var second = Person(forumId, "b");
        db.Delegates.AddRange(first, second);
        await db.SaveChangesAsync();

        second.Reference = first.Reference;

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Contains("UNIQUE", refused.InnerException?.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Should_give_delegates_saved_before_references_the_number_of_their_visa_letter()
    {
        var path = Path.Combine(Path.GetTempPath(), $"forummanager-data-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<ForumDbContext>();
        options.UseForumSqlite($"Data Source={path}");
        try
        {
            await using (var before = new ForumDbContext(options.Options))
            {
                // The schema before references, with two delegates whose ids have a gap as deleted rows leave.
                await before.GetService<IMigrator>().MigrateAsync("20261129224955_DelegateNameSearchKey");
                await InsertAsync(before, "Forums", new() { ["Id"] = 7, ["Acronym"] = "hiscf2010" });
                await InsertAsync(before, "Delegates", new() { ["Id"] = 1, ["ForumId"] = 7, ["Email"] = "a@example.org", ["CheckInToken"] = "a" });
                await InsertAsync(before, "Delegates", new() { ["Id"] = 42, ["ForumId"] = 7, ["Email"] = "b@example.org", ["CheckInToken"] = "b" });
                await before.Database.MigrateAsync();
            }

            await using var db = new ForumDbContext(options.Options);
            var rows = await db.Delegates.OrderBy(d => d.Id).Select(d => new { d.Id, d.Reference }).ToListAsync();
            Assert.Equal([(1, "HISCF2010-00001"), (42, "HISCF2010-00042")], rows.Select(r => (r.Id, r.Reference)));

            // The count continues after the largest number, so the next registration cannot take one given before.
            var next = Person(7, "c");
            db.Delegates.Add(next);
            await db.SaveChangesAsync();
            Assert.Equal("HISCF2010-00043", next.Reference);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    /// <summary>A row written with SQL, as an older version of the application wrote it: every required column gets a plain value.</summary>
    internal static async Task InsertAsync(ForumDbContext db, string table, Dictionary<string, object> given)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var columns = new List<(string Name, string Type)>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name, type FROM pragma_table_info('{table}') WHERE \"notnull\" = 1 AND dflt_value IS NULL";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var values = new Dictionary<string, object>(given);
        foreach (var (name, type) in columns.Where(c => !given.ContainsKey(c.Name)))
        {
            values[name] = type == "TEXT" ? "x" : 0;
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", values.Keys)}) VALUES ({string.Join(", ", values.Keys.Select(k => "@" + k))})";
        foreach (var (name, value) in values)
        {
            insert.Parameters.Add(new SqliteParameter("@" + name, value));
        }

        await insert.ExecuteNonQueryAsync();
    }
}
