using ForumManager.Web.Api;
using ForumManager.Core.Accounts;
using ForumManager.Data;
using ForumManager.Data.Seeding;
using ForumManager.Features.Accounts;
using ForumManager.Features.Forums;
using ForumManager.Features.Programme;
using ForumManager.Web.Pages.Admin;
using ForumManager.Web.Pages.CheckIns;
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
        app.UseForumApiErrors();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        app.MapRazorPages();
        app.MapCheckInApi();
        app.MapDashboardLive();
        app.MapForumApiDocuments();
        app.MapForumApi();
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
        await UserAccounts.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        await DelegateSearchKeys.FillMissingAsync(db, ct);

        if (forum.SeedDemo && !await db.Forums.AnyAsync(ct))
        {
            await new DemoForumSeeder(db).SeedAsync(forum.DemoDelegates, ct);
            await services.GetRequiredService<ProgrammeReleases>().PublishDemoAsync(ct);
            LogSeeded(logger, forum.DemoDelegates);
        }

        if (forum.SeedDemo && app.Environment.IsDevelopment())
        {
            await MakeDemoAccountsAsync(services, db, logger, ct);
        }
    }

    /// <summary>
    /// An account per role for the demo forum, in Development only: their password is printed when they are made, and on
    /// a later start only their addresses (the password is not kept in the clear anywhere).
    /// </summary>
    private static async Task MakeDemoAccountsAsync(IServiceProvider services, ForumDbContext db, ILogger logger, CancellationToken ct)
    {
        var accounts = new DemoAccounts(db, services.GetRequiredService<UserManager<ForumUser>>());
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var list = string.Join(Environment.NewLine, DemoAccounts.All.Select(a => $"  {a.Email,-26} {a.Description}"));
        if (await accounts.EnsureAsync(now, ct) is { } password)
        {
            LogDemoAccountsMade(logger, list, password);
        }
        else if (await accounts.ExistAsync(ct))
        {
            LogDemoAccountsKept(logger, list);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo accounts to try each role (Development only), all with the password {Password}:\n{Accounts}")]
    private static partial void LogDemoAccountsMade(ILogger logger, string accounts, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo accounts (Development only; their password was printed when they were made, delete the database to make them again):\n{Accounts}")]
    private static partial void LogDemoAccountsKept(ILogger logger, string accounts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo forum with {Delegates} delegates.")]
    private static partial void LogSeeded(ILogger logger, int delegates);
}
