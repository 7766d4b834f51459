using ForumManager.Core.Accounts;
using ForumManager.Data;
using ForumManager.Data.Seeding;
using ForumManager.Web.CheckIns;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Infrastructure;

public static partial class ForumPipeline
{
    public static WebApplication UseForumPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        app.MapRazorPages();
        app.MapCheckInApi();
        return app;
    }

    /// <summary>Migrates (SQLite by default; SQL Server when asked), creates the roles and seeds the demo forum.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var forum = services.GetRequiredService<IOptions<ForumOptions>>().Value;
        var db = services.GetRequiredService<ForumDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ForumManager.Startup");

        if (database.MigrateOnStartup ?? !database.IsSqlServer)
        {
            await db.Database.MigrateAsync(ct);
        }

        // Before anything reads a protected value: keys that no configured certificate decrypts stop a start in
        // Production, keys kept in the clear are retired, and every key and stored value is encrypted as it should be,
        // so that a copy of the database taken from now on reveals nothing.
        await KeyRing.PrepareAsync(services, db, logger, ct);
        await EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        await DelegateSearchKeys.FillMissingAsync(db, ct);

        if (forum.SeedDemo && !await db.Forums.AnyAsync(ct))
        {
            await new DemoForumSeeder(db).SeedAsync(forum.DemoDelegates, ct);
            await Programme.ProgrammeReleases.PublishDemoAsync(services, ct);
            LogSeeded(logger, forum.DemoDelegates);
        }
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo forum with {Delegates} delegates.")]
    private static partial void LogSeeded(ILogger logger, int delegates);
}
