using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ForumManager.Data.Sqlite;

public static class SqliteForumDatabase
{
    public static DbContextOptionsBuilder UseForumSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteForumDatabase).Assembly.GetName().Name));
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
