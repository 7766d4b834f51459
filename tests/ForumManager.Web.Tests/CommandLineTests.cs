using System.Diagnostics;
using ForumManager.Testing;
using Microsoft.Data.Sqlite;

namespace ForumManager.Web.Tests;

/// <summary>The verbs as an administrator runs them: the app's own executable, on an empty folder.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("forummanager-cli-").FullName;
    private readonly KeyRingCertificate _certificate;

    /// <summary>In Production the key ring needs its certificate: made with the script, as an administrator makes it.</summary>
    public CommandLineTests()
    {
        _certificate = KeyRingCertificate.MadeByScript(Path.Combine(_folder, "secrets"), "key-ring");
    }

    private string DatabasePath => Path.Combine(_folder, "forum.db");

    [Fact]
    public async Task Should_create_the_first_admin_on_a_fresh_install_then_seed_the_demo_forum()
    {
        var added = await RunAsync("a long passphrase\n", "add-user", "--email", "admin@forum.test", "--role", "Admin");

        Assert.True(added.Exit == 0, added.Error);
        Assert.Contains("Created admin@forum.test", added.Output, StringComparison.Ordinal);
        Assert.Equal("Admin", await ScalarAsync(
            "SELECT r.Name FROM AspNetUsers u JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE u.Email = 'admin@forum.test'"));

        var seeded = await RunAsync(string.Empty, "seed-demo", "--delegates", "12");
        Assert.True(seeded.Exit == 0, seeded.Error);
        Assert.Equal(12L, await ScalarAsync("SELECT COUNT(*) FROM Delegates"));

        var again = await RunAsync(string.Empty, "seed-demo");
        Assert.Equal(0, again.Exit);
        Assert.Contains("already", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_explain_a_wrong_argument_and_fail()
    {
        var result = await RunAsync(string.Empty, "seed-demo", "--delegates", "many");

        Assert.Equal(2, result.Exit);
        Assert.Contains("--delegates takes a whole number", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabasePath), "nothing is written when the arguments are wrong");
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "ForumManager.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__Forum"] = $"Data Source={DatabasePath}",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
                ["DataProtection__Certificate__Path"] = _certificate.Path,
                ["DataProtection__Certificate__Password"] = _certificate.Password,
            },
        };
        start.ArgumentList.Add(app);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
