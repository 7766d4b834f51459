using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests;

public sealed class SettingsAppFixture : ForumAppFactory;

public sealed class SettingsTests(SettingsAppFixture app) : IClassFixture<SettingsAppFixture>
{
    [Fact]
    public async Task Should_close_open_registration_and_refuse_a_capacity_below_the_places_taken()
    {
        var client = await Clients.SignedInAsync(app, Roles.Organizer);
        var taken = await app.WithDbAsync(db => db.Forums.Select(f => f.PlacesTaken).SingleAsync());

        var tooSmall = await HtmlForms.SubmitAsync(client, "/admin/settings", new Dictionary<string, string>
        {
            ["Input.Capacity"] = (taken - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var page = await HtmlForms.ParseAsync(tooSmall);
        Assert.Contains($"{taken} places are already taken", page.QuerySelector("[data-valmsg-for='Input.Capacity']")!.TextContent, StringComparison.Ordinal);

        var closed = await HtmlForms.SubmitAsync(client, "/admin/settings", new Dictionary<string, string>
        {
            ["Input.OpenRegistration"] = "false",
            ["Input.Capacity"] = (taken + 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.RegistrationCloses"] = "2010-06-15T18:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync());
        Assert.False(forum.OpenRegistration);
        Assert.Equal(taken + 10, forum.Capacity);
        Assert.Equal(new DateTime(2010, 6, 15, 10, 0, 0, DateTimeKind.Utc), forum.RegistrationClosesUtc);

        var register = await HtmlForms.GetPageAsync(Clients.Anonymous(app), "/register");
        Assert.NotNull(register.QuerySelector("[data-testid=registration-closed]"));
        Assert.Null(register.QuerySelector("[data-testid=registration-form]"));
        var post = await Clients.Anonymous(app).PostAsync("/register", new FormUrlEncodedContent([new("Input.Email", "x@y.org")]));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "settings")));
    }
}
