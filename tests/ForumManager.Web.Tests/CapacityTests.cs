using System.Net;
using ForumManager.Core.Delegates;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests;

/// <summary>An app of its own: these tests change the forum's capacity.</summary>
public sealed class CapacityAppFixture : ForumAppFactory;

public sealed class CapacityTests(CapacityAppFixture app) : IClassFixture<CapacityAppFixture>
{
    [Fact]
    public async Task Should_give_the_last_50_places_to_exactly_50_of_100_registrations_that_arrive_together()
    {
        var taken = await app.WithDbAsync(db => db.Forums.Select(f => f.PlacesTaken).SingleAsync());
        await app.WithDbAsync(db => db.Forums.ExecuteUpdateAsync(s => s.SetProperty(f => f.Capacity, taken + 50)));
        var emails = Enumerable.Range(0, 100).Select(i => $"rush-{i}-{Guid.NewGuid():N}@city.example.org").ToList();

        // Every visitor opens the form first; then all of them press the button at once.
        var forms = await Task.WhenAll(emails.Select(async email =>
        {
            var client = Clients.Anonymous(app);
            return (client, email, page: await HtmlForms.GetPageAsync(client, RegistrationForm.Url));
        }));
        var responses = await Task.WhenAll(forms.Select(f =>
            HtmlForms.SubmitAsync(f.client, f.page, RegistrationForm.Url, RegistrationForm.Valid(f.email))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var statuses = await app.WithDbAsync(db => db.Delegates.AsNoTracking().Where(d => d.Email.StartsWith("rush-"))
            .Select(d => new { d.Email, d.Status }).ToListAsync());
        Assert.Equal(100, statuses.Count);
        Assert.Equal(100, statuses.Select(s => s.Email).Distinct().Count());
        Assert.Equal(50, statuses.Count(s => s.Status == RegistrationStatus.Submitted));
        Assert.Equal(50, statuses.Count(s => s.Status == RegistrationStatus.Waitlisted));
        var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync());
        Assert.Equal(forum.Capacity, forum.PlacesTaken);
        Assert.Equal(forum.PlacesTaken, await app.WithDbAsync(db => db.Delegates.CountAsync(d => d.Status == RegistrationStatus.Submitted || d.Status == RegistrationStatus.Approved)));
    }
}
