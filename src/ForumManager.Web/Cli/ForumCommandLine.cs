using System.Globalization;
using ForumManager.Data;
using ForumManager.Data.Seeding;
using ForumManager.Features.Accounts;
using ForumManager.Features.Forums;
using ForumManager.Features.Programme;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Cli;

/// <summary>
/// Verbs run by the web app's own executable: <c>migrate</c>, <c>seed-demo [--delegates N]</c> and
/// <c>add-user --email E --role R</c> (password on standard input). A verb runs and the process exits.
/// </summary>
public static class ForumCommandLine
{
    public static readonly IReadOnlyList<string> Verbs = ["migrate", "seed-demo", "add-user"];

    /// <summary>
    /// What the host's configuration sees when a verb runs: settings such as <c>--ConnectionStrings:Forum=...</c>
    /// after the verb still apply; the verb's own options are harmless there.
    /// </summary>
    public static string[] ConfigurationArguments(string[] args) => args.Length > 0 && FindVerb(args) is not null ? args[1..] : args;

    public static string? FindVerb(string[] args) =>
        args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal) ? args[0] : null;

    public static async Task<int> RunAsync(IServiceProvider services, string verb, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var options = ParseOptions(args.Skip(1).ToArray(), error);
        if (options is null)
        {
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<ForumDbContext>();
        try
        {
            switch (verb)
            {
                case "migrate":
                    await db.Database.MigrateAsync();
                    await UserAccounts.EnsureRolesAsync(provider.GetRequiredService<RoleManager<IdentityRole>>());
                    await DelegateSearchKeys.FillMissingAsync(db, CancellationToken.None);
                    await output.WriteLineAsync("The database is up to date.");
                    return 0;

                case "seed-demo":
                    return await SeedDemoAsync(provider, db, options, output, error);

                case "add-user":
                    if (!await EnsureMigratedAsync(provider, db, error))
                    {
                        return 1;
                    }

                    return await AddUserAsync(provider.GetRequiredService<UserAccounts>(), options, input, output, error);

                default:
                    await error.WriteLineAsync($"Unknown verb '{verb}'.");
                    return 2;
            }
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"{verb} failed: {e.GetBaseException().Message}");
            return 1;
        }
    }

    /// <summary>
    /// A fresh SQLite install is migrated here as at start-up; a SQL Server database is left to <c>migrate</c> or to the
    /// script in db/, and the verb says so when migrations are missing.
    /// </summary>
    private static async Task<bool> EnsureMigratedAsync(IServiceProvider provider, ForumDbContext db, TextWriter error)
    {
        var database = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        if (database.MigrateOnStartup ?? !database.IsSqlServer)
        {
            await db.Database.MigrateAsync();
            return true;
        }

        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count == 0)
        {
            return true;
        }

        await error.WriteLineAsync($"The database lacks {pending.Count} migrations: run the 'migrate' verb (or db/sqlserver/forum.sql) first.");
        return false;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider provider, ForumDbContext db, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        var count = DemoForumSeeder.DefaultDelegates;
        if (options.TryGetValue("delegates", out var value) &&
            (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count > 1_000_000))
        {
            await error.WriteLineAsync($"--delegates takes a whole number from 0 to 1000000, not '{value}'.");
            return 2;
        }

        if (!await EnsureMigratedAsync(provider, db, error))
        {
            return 1;
        }

        var seeded = await new DemoForumSeeder(db).SeedAsync(count, CancellationToken.None);
        if (seeded)
        {
            await provider.GetRequiredService<ProgrammeReleases>().PublishDemoAsync(CancellationToken.None);
        }

        await output.WriteLineAsync(seeded
            ? $"Seeded the demo forum {DemoForumSeeder.Acronym} with {count} delegates."
            : $"The demo forum {DemoForumSeeder.Acronym} is already in this database; nothing was changed.");
        return 0;
    }

    private static async Task<int> AddUserAsync(UserAccounts accounts, Dictionary<string, string> options, TextReader input, TextWriter output, TextWriter error)
    {
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("role", out var role))
        {
            await error.WriteLineAsync("Usage: add-user --email E --role Admin|Organizer|Staff|Delegate  (the password is read from standard input)");
            return 2;
        }

        var password = (await input.ReadLineAsync())?.TrimEnd('\r') ?? string.Empty;
        var result = await accounts.CreateOrAddRoleAsync(email, role, password);
        if (!result.Succeeded)
        {
            foreach (var message in result.Errors)
            {
                await error.WriteLineAsync(message);
            }

            return 1;
        }

        await output.WriteLineAsync(result.Created
            ? $"Created {email} with the role {role}; the account can sign in now."
            : $"{email} already existed; it now has the role {role}. Its password was not changed.");
        return 0;
    }

    private static Dictionary<string, string>? ParseOptions(string[] args, TextWriter error)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length < 3)
            {
                error.WriteLine($"Unexpected argument '{args[i]}'.");
                return null;
            }

            var name = args[i][2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                options[name[..equals]] = name[(equals + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                options[name] = args[++i];
            }
            else
            {
                error.WriteLine($"--{name} needs a value.");
                return null;
            }
        }

        return options;
    }
}
