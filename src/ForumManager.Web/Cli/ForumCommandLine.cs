using System.Globalization;
using ForumManager.Data;
using ForumManager.Data.Seeding;
using ForumManager.Web.Accounts;
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
                    await ForumPipeline.EnsureRolesAsync(provider.GetRequiredService<RoleManager<IdentityRole>>());
                    await output.WriteLineAsync("The database is up to date.");
                    return 0;

                case "seed-demo":
                    return await SeedDemoAsync(db, options, output, error);

                case "add-user":
                    return await AddUserAsync(provider.GetRequiredService<UserAccounts>(), options, input, output, error);

                default:
                    await error.WriteLineAsync($"Unknown verb '{verb}'.");
                    return 2;
            }
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            await error.WriteLineAsync($"{verb} failed: {e.GetBaseException().Message}");
            return 1;
        }
    }

    private static async Task<int> SeedDemoAsync(ForumDbContext db, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        var count = DemoForumSeeder.DefaultDelegates;
        if (options.TryGetValue("delegates", out var value) &&
            (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count > 1_000_000))
        {
            await error.WriteLineAsync($"--delegates takes a whole number from 0 to 1000000, not '{value}'.");
            return 2;
        }

        await db.Database.MigrateAsync();
        var seeded = await new DemoForumSeeder(db).SeedAsync(count, CancellationToken.None);
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
