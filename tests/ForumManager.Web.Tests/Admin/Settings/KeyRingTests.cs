using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Core.Mail;
using ForumManager.Data;
using ForumManager.Features.Privacy;
using ForumManager.Mail;
using ForumManager.Testing;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ForumManager.Web.Tests.Admin.Settings;

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

    private static async Task<string> RegisterWithPassportAsync(ForumAppFactory app, string country = "CN")
    {
        var email = $"keyring-{Guid.NewGuid():N}@city.example.org";
        var response = await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email, v =>
        {
            v[DelegateFields.CountryCode] = country;
            v[DelegateFields.NeedsVisaLetter] = "true";
            v[DelegateFields.PassportNumber] = Passport;
            v[DelegateFields.Nationality] = "CG";
            v[DelegateFields.DateOfBirth] = "1965-03-14";
            v[DelegateFields.PassportExpiry] = "2014-01-31";
            v[DelegateFields.PassportPlaceOfIssue] = "Brazzaville";
        });
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

    /// <summary>Puts the key rows of an older backup in place of a database's own, as an attacker holding both would.</summary>
    private static async Task PutBackKeysAsync(string databasePath, IReadOnlyList<string> keys)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM DataProtectionKeys";
        await delete.ExecuteNonQueryAsync();
        foreach (var xml in keys)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO DataProtectionKeys (FriendlyName, Xml) VALUES ($name, $xml)";
            insert.Parameters.AddWithValue("$name", "key-" + System.Xml.Linq.XElement.Parse(xml).Attribute("id")!.Value);
            insert.Parameters.AddWithValue("$xml", xml);
            await insert.ExecuteNonQueryAsync();
        }
    }

    private static async Task<JsonElement> KeyRingHealthAsync(ForumAppFactory app)
    {
        var response = await (await Clients.SignedInAsync(app, Roles.Staff)).GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("checks").GetProperty("key-ring").Clone();
    }

    private static void AssertEncryptedFor(IReadOnlyList<string> keys, KeyRingCertificate certificate)
    {
        // Revocations sit in the same table and hold no secret.
        keys = [.. keys.Where(xml => xml.StartsWith("<key ", StringComparison.Ordinal))];
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.DoesNotContain("requiresEncryption", xml, StringComparison.Ordinal);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains(Convert.ToBase64String(certificate.RawData), xml, StringComparison.Ordinal);
        });
    }

    /// <summary>The text of every visa letter a stored message carries, read as an attacker would: MIME, then the PDF.</summary>
    private static async Task<string> LettersInAsync(MimeMessage message)
    {
        var text = new StringBuilder();
        foreach (var pdf in message.Attachments.OfType<MimePart>().Where(a => a.FileName?.EndsWith(".pdf", StringComparison.Ordinal) == true))
        {
            using var bytes = new MemoryStream();
            await pdf.Content!.DecodeToAsync(bytes);
            text.Append(await PdfReadBack.TextAsync(await PdfReadBack.SaveAsync(bytes.ToArray(), pdf.FileName!)));
        }

        return text.ToString();
    }

    /// <summary>Each outbox row of a database file, as bytes, straight from SQLite: what a copy of the database shows.</summary>
    private static async Task<List<(long Id, OutboxStatus Status, byte[] Content)>> OutboxRowsAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Status, MimeContent FROM OutboxMessages";
        var rows = new List<(long, OutboxStatus, byte[])>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), Enum.Parse<OutboxStatus>(reader.GetValue(1).ToString()!), (byte[])reader.GetValue(2)));
        }

        return rows;
    }

    /// <summary>Asserts that no stored message of a database copy is a readable email: none parses to one with a letter, none shows a header.</summary>
    private static async Task AssertNoReadableMailAsync(string databasePath)
    {
        foreach (var (id, _, content) in await OutboxRowsAsync(databasePath))
        {
            Assert.DoesNotContain("Content-Type", Encoding.ASCII.GetString(content), StringComparison.OrdinalIgnoreCase);
            MimeMessage? parsed = null;
            try
            {
                parsed = await MimeMessage.LoadAsync(new MemoryStream(content));
            }
            catch (FormatException)
            {
                // Not an email at all: what encryption should leave.
            }

            if (parsed is not null)
            {
                Assert.False((await LettersInAsync(parsed)).Contains(Passport, StringComparison.Ordinal), $"Outbox message {id} shows the passport number in a copy of the database.");
            }
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An organizer sends the approved delegates of Congo a notice with their visa letters attached, as the attack did.</summary>
    private static async Task SendVisaLetterNoticeAsync(ForumAppFactory app, string email)
    {
        await app.WithDbAsync(db => db.Delegates.Where(d => d.Email == email).ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, RegistrationStatus.Approved)));
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var sent = await NoticeSendForm.SendAsync(organizer, new Dictionary<string, string>
        {
            [NoticeSendForm.Country] = "CG", [NoticeSendForm.Status] = nameof(RegistrationStatus.Approved),
            [NoticeSendForm.SubjectEn] = "Your letter", [NoticeSendForm.BodyEn] = "Dear {{ delegate.name }},\nyour visa letter is attached.",
            [NoticeSendForm.SubjectZh] = "您的邀请函", [NoticeSendForm.BodyZh] = "尊敬的{{ delegate.name }}：\n附件是您的签证邀请函。",
            [NoticeSendForm.AttachVisaLetter] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
    }

    private static async Task<OutboxMessage> NoticeWhenAsync(ForumAppFactory app, string email, Func<OutboxMessage, bool> done)
    {
        var row = await Eventually.ReadAsync(
            () => app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.ToAddress == email && m.Purpose == "notice.freeform")),
            m => m is not null && done(m));

        Assert.NotNull(row);
        Assert.True(done(row), $"The notice is {row.Status} (attempts {row.Attempts}, {row.LastError}).");
        return row;
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

        var health = await KeyRingHealthAsync(forgetful);
        Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
        Assert.Contains("DataProtection:Certificate:Previous:0", health.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("CN=ForumManager key ring old", health.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("cannot be read", Read(forgetful, stored), StringComparison.Ordinal);
        Assert.Contains("cannot be read", await PassportOnDetailsPageAsync(forgetful, id), StringComparison.Ordinal);
        Assert.Contains(await KeyXmlAsync(forgetful.DatabasePath), xml => xml.Contains(Convert.ToBase64String(old.RawData), StringComparison.Ordinal));

        var lostForGood = App(replacement.AsCurrent(), [new("DataProtection:Certificate:AcceptUnreadableKeys", "true")]);
        before.BackUpTo(lostForGood);
        Assert.Equal("Degraded", (await KeyRingHealthAsync(lostForGood)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Should_refuse_to_start_in_Production_when_no_stored_key_opens_with_the_configured_certificate_and_name_the_missing_one()
    {
        var old = KeyRingCertificate.Create(_certificates, "old");
        var replacement = KeyRingCertificate.Create(_certificates, "new");
        var before = App(old.AsCurrent());
        await RegisterWithPassportAsync(before);
        var database = Path.Combine(_certificates, "forum.db");
        using (var source = new SqliteConnection($"Data Source={before.DatabasePath}"))
        using (var copy = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            source.Open();
            copy.Open();
            source.BackupDatabase(copy);
        }

        var refused = await RunProductionAsync([new("DataProtection__Certificate__Path", replacement.Path), new("DataProtection__Certificate__Password", replacement.Password)]);

        Assert.Equal(1, refused.Exit);
        Assert.Contains("DataProtection:Certificate:Previous:0:Path", refused.Error, StringComparison.Ordinal);
        Assert.Contains("CN=ForumManager key ring old", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Error, StringComparison.Ordinal);
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
    public async Task Should_keep_a_visa_letter_in_the_outbox_unreadable_in_a_copy_of_the_database_and_drop_it_once_sent()
    {
        var certificate = KeyRingCertificate.Create(_certificates, "current");
        var mailServerDown = App(certificate.AsCurrent(), [new("Mail:Smtp:Host", "127.0.0.1"), new("Mail:Smtp:Port", ClosedPort().ToString(CultureInfo.InvariantCulture))]);
        var email = await RegisterWithPassportAsync(mailServerDown, "CG");
        await SendVisaLetterNoticeAsync(mailServerDown, email);
        var waiting = await NoticeWhenAsync(mailServerDown, email, m => m.Status == OutboxStatus.Queued);

        var stolen = App();
        mailServerDown.BackUpTo(stolen);
        await AssertNoReadableMailAsync(stolen.DatabasePath);
        var (_, _, stolenContent) = Assert.Single(await OutboxRowsAsync(stolen.DatabasePath), r => r.Id == waiting.Id);
        Assert.ThrowsAny<CryptographicException>(() => stolen.Services.GetRequiredService<OutboxContent>().Unprotect(stolenContent));
        Assert.Contains(Passport, await LettersInAsync(await mailServerDown.ReadMailAsync(waiting)), StringComparison.Ordinal);

        var mailServerBack = App(certificate.AsCurrent());
        mailServerDown.BackUpTo(mailServerBack);
        var delivered = await NoticeWhenAsync(mailServerBack, email, m => m.Status == OutboxStatus.Sent);

        Assert.Empty(delivered.MimeContent);
        Assert.Contains(Passport, await LettersInAsync(await mailServerBack.ReadMailAsync(delivered)), StringComparison.Ordinal);
        var later = App();
        mailServerBack.BackUpTo(later);
        await AssertNoReadableMailAsync(later.DatabasePath);
    }

    [Fact]
    public async Task Should_encrypt_the_waiting_messages_an_earlier_release_kept_in_the_clear_and_drop_the_sent_ones_at_the_next_start()
    {
        var certificate = KeyRingCertificate.Create(_certificates, "current");
        IEnumerable<KeyValuePair<string, string?>> mailServerDown = [new("Mail:Smtp:Host", "127.0.0.1"), new("Mail:Smtp:Port", ClosedPort().ToString(CultureInfo.InvariantCulture))];
        var earlierRelease = App(certificate.AsCurrent(), mailServerDown);
        var email = await RegisterWithPassportAsync(earlierRelease);
        var rows = await earlierRelease.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(2, rows.Count);
        var clear = new List<byte[]>();
        foreach (var row in rows)
        {
            using var mime = new MemoryStream();
            await (await earlierRelease.ReadMailAsync(row)).WriteToAsync(mime);
            clear.Add(mime.ToArray());
        }

        // As the earlier release stored them: the whole message in the clear, and kept once sent.
        await earlierRelease.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == rows[0].Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.MimeContent, clear[0])));
        await earlierRelease.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == rows[1].Id)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.MimeContent, clear[1]).SetProperty(m => m.Status, OutboxStatus.Sent)));

        var upgraded = App(certificate.AsCurrent(), mailServerDown);
        earlierRelease.BackUpTo(upgraded);
        var waiting = await upgraded.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == rows[0].Id));

        Assert.Equal(rows[0].Subject, (await upgraded.ReadMailAsync(waiting)).Subject);
        Assert.Empty(await upgraded.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == rows[1].Id).Select(m => m.MimeContent).SingleAsync()));
        var stolen = App();
        upgraded.BackUpTo(stolen);
        await AssertNoReadableMailAsync(stolen.DatabasePath);
        // Not even in a freed page of the file.
        Assert.Equal(-1, (await File.ReadAllBytesAsync(stolen.DatabasePath)).AsSpan().IndexOf("MIME-Version:"u8));
    }

    [Fact]
    public async Task Should_stop_using_the_keys_kept_in_the_clear_once_a_certificate_is_configured_so_an_older_backup_reads_no_later_passport()
    {
        var certificate = KeyRingCertificate.Create(_certificates, "current");
        var unprotected = App();
        var earlier = await RegisterWithPassportAsync(unprotected);
        var (earlierId, earlierStored) = await StoredAsync(unprotected, earlier);
        var keysBeforeTheUpgrade = await KeyXmlAsync(unprotected.DatabasePath);

        var upgraded = App(certificate.AsCurrent());
        unprotected.BackUpTo(upgraded);
        var later = await RegisterWithPassportAsync(upgraded);
        var (_, laterStored) = await StoredAsync(upgraded, later);
        var (_, earlierMoved) = await StoredAsync(upgraded, earlier);

        Assert.NotEqual(earlierStored, earlierMoved);
        Assert.Equal(Passport, Read(upgraded, earlierMoved));
        Assert.Equal(Passport, Read(upgraded, laterStored));
        Assert.Equal("•••••5678", await PassportOnDetailsPageAsync(upgraded, earlierId));

        var attacker = App();
        upgraded.BackUpTo(attacker);
        await PutBackKeysAsync(attacker.DatabasePath, keysBeforeTheUpgrade);
        Assert.Equal(Passport, Read(attacker, earlierStored));
        Assert.Contains("cannot be read", Read(attacker, laterStored), StringComparison.Ordinal);
        Assert.Contains("cannot be read", Read(attacker, earlierMoved), StringComparison.Ordinal);

        // Every start does only what is left: the next one makes no key and rewrites no value.
        var restarted = App(certificate.AsCurrent());
        upgraded.BackUpTo(restarted);
        Assert.Equal(Passport, Read(restarted, laterStored));
        Assert.Equal(await KeyXmlAsync(upgraded.DatabasePath), await KeyXmlAsync(restarted.DatabasePath));
        Assert.Equal((earlierMoved, laterStored), ((await StoredAsync(restarted, earlier)).Passport, (await StoredAsync(restarted, later)).Passport));
    }

    [Fact]
    public async Task Should_encrypt_photos_again_once_a_certificate_is_configured_so_an_older_backup_reads_none()
    {
        var certificate = KeyRingCertificate.Create(_certificates, "photos");
        var unprotected = App();
        var (id, _) = await StoredAsync(unprotected, await RegisterWithPassportAsync(unprotected));
        var upload = TestPhotos.Jpeg(600, 800);
        await using (var scope = unprotected.Services.CreateAsyncScope())
        {
            var forumId = await unprotected.WithDbAsync(db => db.Forums.Select(f => f.Id).SingleAsync());
            using var file = new MemoryStream(upload);
            var refused = await scope.ServiceProvider.GetRequiredService<Features.Accreditation.AccreditationPhotos>()
                .SaveAsync(forumId, id, file, upload.Length, null, "Photo.File", Core.Auditing.Actor.System, CancellationToken.None);
            Assert.True(refused.IsEmpty);
        }

        var before = await unprotected.WithDbAsync(db => db.DelegatePhotos.Where(p => p.DelegateId == id).Select(p => p.ContentProtected).SingleAsync());
        var jpeg = Photo(unprotected, before);
        Assert.NotNull(jpeg);
        var keysBeforeTheUpgrade = await KeyXmlAsync(unprotected.DatabasePath);

        var upgraded = App(certificate.AsCurrent());
        unprotected.BackUpTo(upgraded);
        await Clients.Anonymous(upgraded).GetAsync("/");
        var after = await upgraded.WithDbAsync(db => db.DelegatePhotos.Where(p => p.DelegateId == id).Select(p => p.ContentProtected).SingleAsync());

        Assert.NotEqual(before, after);
        Assert.Equal(jpeg, Photo(upgraded, after));
        var attacker = App();
        upgraded.BackUpTo(attacker);
        await PutBackKeysAsync(attacker.DatabasePath, keysBeforeTheUpgrade);
        Assert.Null(Photo(attacker, after));
    }

    private static byte[]? Photo(ForumAppFactory app, byte[] stored) => app.Services.GetRequiredService<Features.Accreditation.PhotoVault>().Unprotect(stored);

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
