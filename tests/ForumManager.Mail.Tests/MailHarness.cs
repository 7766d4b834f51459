using ForumManager.Data;
using ForumManager.Data.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace ForumManager.Mail.Tests;

/// <summary>A clock the test moves by hand, so retries fall due without waiting.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>The mail services as the app wires them, on a migrated SQLite file, without the web host.</summary>
public sealed class MailHarness : IAsyncDisposable
{
    /// <summary>The SQLite file, migrated by the real migrations; an app process may be pointed at it.</summary>
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"forummanager-mail-{Guid.NewGuid():N}.db");

    public string PickupFolder { get; } = Path.Combine(Path.GetTempPath(), $"forummanager-pickup-{Guid.NewGuid():N}");
    public ManualClock Clock { get; } = new(new DateTimeOffset(2010, 6, 20, 8, 0, 0, TimeSpan.Zero));

    private MailHarness()
    {
    }

    public static async Task<MailHarness> CreateAsync()
    {
        var harness = new MailHarness();
        await using var provider = harness.BuildServices(smtpPort: null);
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ForumDbContext>().Database.MigrateAsync();
        return harness;
    }

    /// <summary>
    /// A fresh set of services (one app instance); <paramref name="smtpPort"/> null means the pickup folder. Settings
    /// override the harness's own; without a <paramref name="clock"/> the instance runs on the harness's manual clock.
    /// </summary>
    public ServiceProvider BuildServices(int? smtpPort, int maxAttempts = 5, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Mail:From"] = "湖南省外事侨务办公室 <forum@hunan.example.org>",
            ["Mail:PickupDirectory"] = PickupFolder,
            ["Mail:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:FirstRetrySeconds"] = "30",
            ["Mail:BatchSize"] = "20",
        };
        if (smtpPort is not null)
        {
            configuration["Mail:Smtp:Host"] = "127.0.0.1";
            configuration["Mail:Smtp:Port"] = smtpPort.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = Path.GetTempPath(), EnvironmentName = "Testing" });
        services.AddSingleton<TimeProvider>(clock ?? Clock);
        services.AddDbContext<ForumDbContext>(o => o.UseForumSqlite($"Data Source={DatabasePath}"));

        // The outbox keeps messages encrypted with the key ring in the database, as the app does (KeyRing.AddForumKeyRing),
        // so that an instance of the app started on the same file reads what the harness queued.
        services.AddDataProtection().SetApplicationName("ForumManager").PersistKeysToDbContext<ForumDbContext>();
        services.AddForumMail(runDispatcher: false);
        return services.BuildServiceProvider(validateScopes: true);
    }

    public static async Task QueueAsync(ServiceProvider services, int count, Func<int, MailDraft> draft)
    {
        await using var scope = services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<MailQueue>();
        for (var i = 0; i < count; i++)
        {
            queue.Add(draft(i));
        }

        await scope.ServiceProvider.GetRequiredService<ForumDbContext>().SaveChangesAsync();
    }

    public static async Task<T> QueryAsync<T>(ServiceProvider services, Func<ForumDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ForumDbContext>());
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            File.Delete(file);
        }

        if (Directory.Exists(PickupFolder))
        {
            Directory.Delete(PickupFolder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
