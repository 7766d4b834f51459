using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ForumManager.Core.Accounts;
using ForumManager.Data;
using ForumManager.Testing;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Web.Tests;

/// <summary>One app per step of a story: its own settings, its own folder, and perhaps a copy of another app's database.</summary>
public sealed class KeyRingApp(params IEnumerable<KeyValuePair<string, string?>>[] settings) : ForumAppFactory
{
    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(settings.SelectMany(s => s).Prepend(new("Forum:DemoDelegates", "3")));

    /// <summary>Copies this app's database with SQLite's online backup, as a backup job would, into <paramref name="target"/>'s place.</summary>
    public void BackUpTo(ForumAppFactory target)
    {
        using var source = new SqliteConnection($"Data Source={DatabasePath}");
        using var copy = new SqliteConnection($"Data Source={target.DatabasePath};Pooling=False");
        source.Open();
        copy.Open();
        source.BackupDatabase(copy);
    }
}

/// <summary>
/// The Data Protection key ring sits in the database beside the passport data it protects, so it is itself encrypted
/// with a certificate kept outside the database: a copy of the database alone reveals no passport number.
/// </summary>
public sealed class KeyRingTests : IDisposable
{
    private const string Passport = "E12345678";
    private readonly string _certificates = Directory.CreateTempSubdirectory("forummanager-keyring-").FullName;
    private readonly List<KeyRingApp> _apps = [];

    private KeyRingApp App(params IEnumerable<KeyValuePair<string, string?>>[] settings)
    {
        var app = new KeyRingApp(settings);
        _apps.Add(app);
        return app;
    }

    private static async Task<string> RegisterWithPassportAsync(ForumAppFactory app)
    {
        var email = $"keyring-{Guid.NewGuid():N}@city.example.org";
        var response = await HtmlForms.SubmitAsync(Clients.Anonymous(app), RegistrationForm.Url, RegistrationForm.Valid(email, v =>
        {
            v["Input.NeedsVisaLetter"] = "true";
            v["Input.PassportNumber"] = Passport;
            v["Input.Nationality"] = "CG";
            v["Input.DateOfBirth"] = "1965-03-14";
            v["Input.PassportExpiry"] = "2014-01-31";
            v["Input.PassportPlaceOfIssue"] = "Brazzaville";
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return email;
    }

    private static Task<(int Id, string? Passport)> StoredAsync(ForumAppFactory app, string email) => app.WithDbAsync(async db =>
    {
        var row = await db.Delegates.AsNoTracking().Where(d => d.Email == email).Select(d => new { d.Id, d.PassportNumberProtected }).SingleAsync();
        return (row.Id, row.PassportNumberProtected);
    });

    private static string? Read(ForumAppFactory app, string? protectedValue) => app.Services.GetRequiredService<PersonalData>().Unprotect(protectedValue);

    private static async Task<string> PassportOnDetailsPageAsync(ForumAppFactory app, int delegateId)
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var page = await HtmlForms.GetPageAsync(organizer, $"/admin/delegates/details/{delegateId}");
        return page.QuerySelector("[data-testid=passport-number]")!.TextContent.Trim();
    }

    private static async Task<List<string>> KeyXmlAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Xml FROM DataProtectionKeys";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private static void AssertEncryptedFor(IReadOnlyList<string> keys, KeyRingCertificate certificate)
    {
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.DoesNotContain("requiresEncryption", xml, StringComparison.Ordinal);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains(Convert.ToBase64String(certificate.RawData), xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Should_keep_passport_numbers_unreadable_in_a_copy_of_the_database_without_the_certificate()
    {
        var certificate = KeyRingCertificate.Create(_certificates, "current");
        var original = App(certificate.AsCurrent());
        var email = await RegisterWithPassportAsync(original);
        var (id, stored) = await StoredAsync(original, email);

        var stolen = App();
        original.BackUpTo(stolen);
        AssertEncryptedFor(await KeyXmlAsync(stolen.DatabasePath), certificate);

        var unreadable = Read(stolen, stored);
        Assert.NotEqual(Passport, unreadable);
        Assert.Contains("cannot be read", unreadable, StringComparison.Ordinal);
        Assert.Contains("cannot be read", await PassportOnDetailsPageAsync(stolen, id), StringComparison.Ordinal);

        await using (var scope = stolen.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ForumUser>>();
            var account = (await users.FindByEmailAsync(email))!;
            account.EmailConfirmed = true;
            await users.UpdateAsync(account);
        }

        var delegateClient = await Clients.SignInAsync(stolen, email, ForumAppFactory.Password);
        var export = await delegateClient.GetAsync("/me/data.json");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var json = await export.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Passport, json, StringComparison.Ordinal);
        Assert.DoesNotContain("1965", json, StringComparison.Ordinal);
        var registration = JsonDocument.Parse(json).RootElement.GetProperty("registrations")[0];
        Assert.Contains("cannot be read", registration.GetProperty("passportNumber").GetString(), StringComparison.Ordinal);

        Assert.Equal(Passport, Read(original, stored));
        Assert.Equal("•••••5678", await PassportOnDetailsPageAsync(original, id));
    }

    [Fact]
    public async Task Should_read_keys_of_the_previous_certificate_after_a_rotation_and_no_longer_need_it_after_one_start()
    {
        var old = KeyRingCertificate.Create(_certificates, "old");
        var replacement = KeyRingCertificate.Create(_certificates, "new");
        var before = App(old.AsCurrent());
        var email = await RegisterWithPassportAsync(before);
        var (_, stored) = await StoredAsync(before, email);

        var rotated = App(replacement.AsCurrent(), old.AsPrevious(0));
        before.BackUpTo(rotated);
        Assert.Equal(Passport, Read(rotated, stored));
        AssertEncryptedFor(await KeyXmlAsync(rotated.DatabasePath), replacement);

        var later = App(replacement.AsCurrent());
        rotated.BackUpTo(later);
        Assert.Equal(Passport, Read(later, stored));
    }

    [Fact]
    public async Task Should_start_with_a_new_certificate_that_forgot_the_previous_one_and_say_the_old_values_cannot_be_read()
    {
        var old = KeyRingCertificate.Create(_certificates, "old");
        var replacement = KeyRingCertificate.Create(_certificates, "new");
        var before = App(old.AsCurrent());
        var email = await RegisterWithPassportAsync(before);
        var (id, stored) = await StoredAsync(before, email);

        var forgetful = App(replacement.AsCurrent());
        before.BackUpTo(forgetful);

        Assert.Contains("cannot be read", Read(forgetful, stored), StringComparison.Ordinal);
        Assert.Contains("cannot be read", await PassportOnDetailsPageAsync(forgetful, id), StringComparison.Ordinal);
        Assert.Contains(await KeyXmlAsync(forgetful.DatabasePath), xml => xml.Contains(Convert.ToBase64String(old.RawData), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_encrypt_keys_written_before_a_certificate_was_configured()
    {
        var certificate = KeyRingCertificate.Create(_certificates, "current");
        var unprotected = App();
        var email = await RegisterWithPassportAsync(unprotected);
        var (_, stored) = await StoredAsync(unprotected, email);
        Assert.Contains(await KeyXmlAsync(unprotected.DatabasePath), xml => xml.Contains("requiresEncryption", StringComparison.Ordinal));

        var configured = App(certificate.AsCurrent());
        unprotected.BackUpTo(configured);
        Assert.Equal(Passport, Read(configured, stored));
        AssertEncryptedFor(await KeyXmlAsync(configured.DatabasePath), certificate);

        var stolen = App();
        configured.BackUpTo(stolen);
        Assert.NotEqual(Passport, Read(stolen, stored));
    }

    [Fact]
    public async Task Should_refuse_to_start_in_Production_without_a_certificate_and_say_what_to_set()
    {
        var missing = await RunProductionAsync([]);
        var wrongPath = await RunProductionAsync([new("DataProtection__Certificate__Path", Path.Combine(_certificates, "nowhere.pfx"))]);

        Assert.Equal(1, missing.Exit);
        Assert.Contains("DataProtection:Certificate:Path is not set", missing.Error, StringComparison.Ordinal);
        Assert.Contains("DataProtection__Certificate__Password", missing.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missing.Error, StringComparison.Ordinal);
        Assert.Equal(1, wrongPath.Exit);
        Assert.Contains("nowhere.pfx, which does not exist", wrongPath.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_certificates, "forum.db")), "nothing is written when the app refuses to start");
    }

    private async Task<(int Exit, string Error)> RunProductionAsync(IEnumerable<KeyValuePair<string, string>> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _certificates,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__Forum"] = $"Data Source={Path.Combine(_certificates, "forum.db")}",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            },
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ForumManager.Web.dll"));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The app started in Production without a usable key ring certificate. Output: " + await output);
        }

        return (process.ExitCode, await error);
    }

    public void Dispose()
    {
        foreach (var app in _apps)
        {
            app.Dispose();
        }

        try
        {
            Directory.Delete(_certificates, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a process that is ending; the temp folder is cleaned by the system.
        }
    }
}
