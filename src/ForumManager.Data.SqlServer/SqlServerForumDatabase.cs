using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ForumManager.Data.SqlServer;

public static class SqlServerForumDatabase
{
    public static DbContextOptionsBuilder UseForumSqlServer(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(typeof(SqlServerForumDatabase).Assembly.GetName().Name));
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider; no server is contacted.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<ForumDbContext>
{
    public ForumDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ForumDbContext>();
        options.UseForumSqlServer("Server=localhost;Database=ForumManager;Trusted_Connection=True;TrustServerCertificate=True");
        return new ForumDbContext(options.Options);
    }
}
