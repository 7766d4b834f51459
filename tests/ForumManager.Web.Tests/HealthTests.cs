using System.Net;
using System.Text.Json;
using ForumManager.Core.Accounts;
using ForumManager.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Web.Tests;

[Collection(nameof(AppCollection))]
public sealed class HealthTests(AppFixture app)
{
    private static async Task<JsonElement> HealthAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task Should_answer_anonymous_callers_with_the_status_alone()
    {
        var health = await HealthAsync(Clients.Anonymous(app));

        Assert.Equal(["status"], health.EnumerateObject().Select(p => p.Name));
        Assert.Contains(health.GetProperty("status").GetString(), new[] { "Healthy", "Degraded" });
    }

    [Fact]
    public async Task Should_show_staff_the_database_the_mail_queue_and_an_unprotected_key_ring()
    {
        var health = await HealthAsync(await Clients.SignedInAsync(app, Roles.Staff));

        var checks = health.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        var mail = checks.GetProperty("mail");
        Assert.True(mail.GetProperty("data").TryGetProperty("queued", out _));
        Assert.True(mail.GetProperty("data").TryGetProperty("failed", out _));
        var keyRing = checks.GetProperty("key-ring");
        Assert.Equal("Degraded", keyRing.GetProperty("status").GetString());
        Assert.Contains("DataProtection:Certificate:Path", keyRing.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Should_not_show_delegates_their_details()
    {
        var health = await HealthAsync(await Clients.SignedInAsync(app, Roles.Delegate));

        Assert.False(health.TryGetProperty("checks", out _));
    }
}

/// <summary>An app whose mail server cannot be reached: a loopback port nothing listens on.</summary>
public sealed class UnreachableMailAppFixture : ForumAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Forum:DemoDelegates"] = "3",
    };

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public sealed class MailOutageHealthTests(UnreachableMailAppFixture app) : IClassFixture<UnreachableMailAppFixture>
{
    [Fact]
    public async Task Should_tell_staff_at_once_that_the_mail_server_cannot_be_reached()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        await app.WithDbAsync(async db =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ForumManager.Mail.MailQueue>().EnqueueAsync(
                new ForumManager.Mail.MailDraft("someone@forum.test", null, "Test", "Body", null, "test"), CancellationToken.None);
        });

        var mail = await Eventually.ReadAsync(
            async () =>
            {
                var response = await staff.GetAsync("/health");
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                return json.RootElement.GetProperty("checks").GetProperty("mail").Clone();
            },
            m => m.GetProperty("status").GetString() == "Degraded", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200));

        Assert.Equal("Degraded", mail.GetProperty("status").GetString());
        Assert.Contains("mail server could not be reached", mail.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(mail.GetProperty("data").GetProperty("queued").GetInt32() >= 1);
    }
}
