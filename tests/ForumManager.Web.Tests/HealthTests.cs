using System.Net;
using System.Text.Json;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

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

    [Fact]
    public async Task Should_report_a_character_no_font_has_by_code_point_and_delegate_id_never_by_name()
    {
        // U+30000 is a rare Han character (CJK Extension G) that no installed font covers.
        const string name = "王\U00030000";
        var person = await app.WithDbAsync(async db =>
        {
            var record = new Delegate
            {
                ForumId = await db.Forums.Select(f => f.Id).SingleAsync(),
                FamilyName = "Wang", GivenName = "Tun", NativeName = name, NativeNameLanguage = "zh-Hans", CountryCode = "CN",
                Email = $"wang-{Guid.NewGuid():N}@example.org", Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved,
                CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(record);
            await db.SaveChangesAsync();
            return record;
        });
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.GetAsync($"/checkin/badges/{person.Id}.pdf")).StatusCode);

        var response = await staff.GetStringAsync("/health");
        var documents = JsonDocument.Parse(response).RootElement.GetProperty("checks").GetProperty("documents");

        Assert.Equal("Degraded", documents.GetProperty("status").GetString());
        Assert.Contains(documents.GetProperty("data").GetProperty("latest").EnumerateArray(),
            line => line.GetString() == $"Badge Name: U+30000 for delegate {person.Id}");
        Assert.DoesNotContain("王", response, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u738B", response, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Wang", response, StringComparison.Ordinal);
    }
}
