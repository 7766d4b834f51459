using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Data.Seeding;
using ForumManager.Data.Sqlite;
using ForumManager.Features.Accounts;
using ForumManager.Features.Accreditation;
using ForumManager.Features.Agenda;
using ForumManager.Features.Badges;
using ForumManager.Features.CheckIns;
using ForumManager.Features.Dashboard;
using ForumManager.Features.Editions;
using ForumManager.Features.Forums;
using ForumManager.Features.Imports;
using ForumManager.Features.Letters;
using ForumManager.Features.Logistics;
using ForumManager.Features.Notices;
using ForumManager.Features.Privacy;
using ForumManager.Features.Programme;
using ForumManager.Features.Protocol;
using ForumManager.Features.Registration;
using ForumManager.Features.Webhooks;
using ForumManager.Features.Zones;
using ForumManager.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.FileProviders;

namespace ForumManager.Features.Tests;

/// <summary>
/// Every feature as the app registers it, over a real SQLite file migrated by the real migrations and seeded with the
/// demo forum, the real outbox (writing to a pickup folder) and the real document renderers, with no web host.
/// </summary>
public sealed class FeatureHarness : IAsyncLifetime
{
    private ServiceProvider? _services;

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"forummanager-features-{Guid.NewGuid():N}.db");
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"forummanager-features-{Guid.NewGuid():N}");

    public ServiceProvider Services => _services ?? throw new InvalidOperationException("Not started.");

    /// <summary>The features' clock: the system's until a test sets a time (a forum evening, a day that has not come).</summary>
    public SettableClock Clock { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:From"] = "湖南省外事侨务办公室 <forum@hunan.example.org>",
            ["Mail:PickupDirectory"] = Path.Combine(Folder, "mail"),
            ["Forum:PublicBaseUrl"] = "https://forum.example.org",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(Folder));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddDbContext<ForumDbContext>(o => o.UseForumSqlite($"Data Source={DatabasePath}"));
        services.AddDataProtection().SetApplicationName("ForumManager").PersistKeysToDbContext<ForumDbContext>();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddOptions<ForumOptions>().BindConfiguration(ForumOptions.Section);
        // The web project's token provider is Data Protection's, which lives with ASP.NET Core; here the address
        // confirmation's token comes from Identity's own e-mail provider.
        services.AddIdentityCore<ForumUser>(o =>
            {
                AccountRules.Apply(o);
                o.Tokens.EmailConfirmationTokenProvider = TokenOptions.DefaultEmailProvider;
            })
            .AddRoles<IdentityRole>().AddEntityFrameworkStores<ForumDbContext>()
            .AddTokenProvider<EmailTokenProvider<ForumUser>>(TokenOptions.DefaultEmailProvider);
        services.AddForumMail(runDispatcher: false);
        services.AddForums().AddPrivacy().AddAccounts().AddRegistration().AddImports().AddProgramme().AddAgenda()
            .AddCheckIns().AddBadges().AddZones().AddLetters().AddLogistics().AddNotices().AddAccreditation().AddClearance()
            .AddProtocolDocuments().AddSeating().AddMeetings().AddDashboard()
            .AddWebhooks(runDispatcher: false).AddEditions();
        _services = services.BuildServiceProvider(validateScopes: true);

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        await db.Database.MigrateAsync();
        await UserAccounts.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        // The key ring's first key is made now, as the app makes it at start, not by the first write inside a transaction.
        scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("harness").Protect("ready");
        await new DemoForumSeeder(db).SeedAsync(24, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<ProgrammeReleases>().PublishDemoAsync(CancellationToken.None);
    }

    /// <summary>Runs one use case in its own scope, as one request or one background job would.</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> QueryAsync<T>(Func<ForumDbContext, Task<T>> query) =>
        RunAsync(services => query(services.GetRequiredService<ForumDbContext>()));

    public Task<Forum> ForumAsync() => QueryAsync(db => db.Forums.AsNoTracking().SingleAsync(f => f.Acronym == DemoForumSeeder.Acronym));

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            File.Delete(file);
        }

        Directory.Delete(Folder, recursive: true);
    }

    public sealed class SettableClock : TimeProvider
    {
        /// <summary>The instant the features see; null for the system's.</summary>
        public DateTimeOffset? Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now ?? TimeProvider.System.GetUtcNow();
    }

    private sealed class TestEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "ForumManager.Features.Tests";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
