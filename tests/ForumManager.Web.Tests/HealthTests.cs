using System.Net;
using System.Text.Json;
using ForumManager.Core.Accounts;
using ForumManager.Testing;

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
