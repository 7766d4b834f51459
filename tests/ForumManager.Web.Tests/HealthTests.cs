using System.Net;
using System.Text.Json;
using ForumManager.Testing;

namespace ForumManager.Web.Tests;

[Collection(nameof(AppCollection))]
public sealed class HealthTests(AppFixture app)
{
    [Fact]
    public async Task Should_report_the_database_and_the_mail_queue_as_JSON()
    {
        var response = await Clients.Anonymous(app).GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        var mail = checks.GetProperty("mail");
        Assert.True(mail.GetProperty("data").TryGetProperty("queued", out _));
        Assert.True(mail.GetProperty("data").TryGetProperty("failed", out _));
    }
}
