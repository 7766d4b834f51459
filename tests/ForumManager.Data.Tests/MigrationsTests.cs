using ForumManager.Core.Forums;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ForumManager.Data.Tests;

public sealed class MigrationsTests
{
    [Fact]
    public async Task Should_have_no_model_changes_missing_from_the_SQLite_migrations()
    {
        await using var database = new SqliteFileDatabase();
        await using var db = database.NewContext();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQLite migrations lag the model.");
    }

    [Fact]
    public void Should_have_no_model_changes_missing_from_the_SQL_Server_migrations()
    {
        using var db = SqlServerModel.NewContext();
        using var sqlite = new SqliteFileDatabase().NewContext();

        Assert.Equal(sqlite.Database.GetMigrations().Select(Suffix), db.Database.GetMigrations().Select(Suffix));
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQL Server migrations lag the model.");
    }

    [Fact]
    public void Should_keep_the_SQL_Server_script_in_db_current_with_the_migrations()
    {
        using var db = SqlServerModel.NewContext();
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var file = Path.Combine(RepositoryFiles.Root, "db", "sqlserver", "forum.sql");

        Assert.True(File.Exists(file), $"{file} is missing: run scripts/add-migration.sh");
        Assert.True(Normalize(expected) == Normalize(File.ReadAllText(file)),
            "db/sqlserver/forum.sql differs from the migrations: run scripts/sqlserver-script.sh");
    }

    [Fact]
    public async Task Should_create_every_table_on_an_empty_SQLite_file_and_keep_instants_in_UTC()
    {
        await using var database = await SqliteFileDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            db.Forums.Add(new Forum
            {
                Acronym = "T1", NameEn = "Test", NameZh = "测试", PlaceEn = "Changsha", PlaceZh = "长沙", TimeZoneId = "Asia/Shanghai",
                StartDate = new DateOnly(2010, 6, 22), EndDate = new DateOnly(2010, 6, 24),
                CreatedUtc = new DateTime(2010, 6, 1, 8, 30, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var forum = await read.Forums.SingleAsync();
        Assert.Equal(DateTimeKind.Utc, forum.CreatedUtc.Kind);
        Assert.Equal(new DateTime(2010, 6, 1, 8, 30, 0), forum.CreatedUtc);
        Assert.Equal("测试", forum.NameZh);
        Assert.Empty(await read.Database.GetPendingMigrationsAsync());
    }

    private static string Suffix(string migrationId) => migrationId[(migrationId.IndexOf('_', StringComparison.Ordinal) + 1)..];

    private static string Normalize(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
