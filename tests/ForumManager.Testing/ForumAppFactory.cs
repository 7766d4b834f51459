using ForumManager.Core.Accounts;
using ForumManager.Core.Mail;
using ForumManager.Data;
using ForumManager.Features.Accounts;
using ForumManager.Mail;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ForumManager.Testing;

/// <summary>
/// The real app on a real SQLite file made by the real migrations, with the demo forum seeded and mail written to a
/// pickup folder of its own. Each factory has its own folder, deleted when it is disposed.
/// </summary>
public class ForumAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "forummanager-tests", Guid.NewGuid().ToString("N"));
    public string DatabasePath => Path.Combine(Folder, "forum.db");
    public string MailFolder => Path.Combine(Folder, "mail");

    /// <summary>Settings a test class wants on top of the defaults; read when the host is built.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>
    /// Added to the app's OpenTelemetry tracer provider (an in-memory exporter), which it turns on without an OTLP
    /// endpoint; read when the host is built.
    /// </summary>
    protected virtual Action<TracerProviderBuilder>? Tracing => null;

    /// <summary>Added to the app's OpenTelemetry meter provider, as <see cref="Tracing"/> is to the tracer provider.</summary>
    protected virtual Action<MeterProviderBuilder>? Metrics => null;

    public ForumAppFactory()
    {
        Directory.CreateDirectory(Folder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // As in Development (the README's run command): a singleton holding a scoped service fails the build of the host
        // here, not only on a developer's first start.
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = true;
        });
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Forum"] = $"Data Source={DatabasePath}",
            ["Forum:SeedDemo"] = "true",
            ["Forum:DemoDelegates"] = "60",
            ["Forum:PublicBaseUrl"] = "http://forum.test",
            ["Mail:PickupDirectory"] = MailFolder,
            ["Mail:PollSeconds"] = "0.2",
            ["Security:AuthPostsPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        if (Tracing is not null || Metrics is not null)
        {
            settings["OpenTelemetry:Enabled"] = "true";
            builder.ConfigureServices(services =>
            {
                if (Tracing is { } tracing)
                {
                    services.ConfigureOpenTelemetryTracerProvider(tracing);
                }

                if (Metrics is { } metrics)
                {
                    services.ConfigureOpenTelemetryMeterProvider(metrics);
                }
            });
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Runs the app on Kestrel on a free loopback port, for a browser, and returns its address.</summary>
    public string StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The server has no addresses.");
        return addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary>Creates an account with a role through the same code as the <c>add-user</c> verb.</summary>
    public async Task<string> CreateUserAsync(string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@forum.test";
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var result = await accounts.CreateOrAddRoleAsync(email, role, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return email;
    }

    public async Task<T> WithDbAsync<T>(Func<ForumDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ForumDbContext>());
    }

    /// <summary>
    /// An outbox message as its recipient gets it. A waiting message is read from the database through the app's own
    /// protector (the outbox keeps it encrypted); a sent one keeps no content there, so it is read from what the app
    /// delivered to its pickup folder.
    /// </summary>
    public async Task<MimeMessage> ReadMailAsync(OutboxMessage row)
    {
        if (row.MimeContent.Length > 0)
        {
            var content = Services.GetRequiredService<OutboxContent>().Unprotect(row.MimeContent);
            return await MimeMessage.LoadAsync(new MemoryStream(content));
        }

        Assert.Equal(OutboxStatus.Sent, row.Status);
        var delivered = Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, PickupDirectoryTransport.FilePattern(row.MessageId)) : [];
        Assert.True(delivered.Length == 1, $"Outbox message {row.Id} is marked sent but {delivered.Length} files in {MailFolder} carry its Message-Id.");
        return await MimeMessage.LoadAsync(delivered[0]);
    }

    public static IReadOnlyList<string> RolesInOrder => Roles.All;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a background thread; the temp folder is cleaned by the system.
            }
        }
    }
}
