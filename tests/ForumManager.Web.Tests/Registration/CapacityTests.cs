using System.Net;
using ForumManager.Core.Delegates;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests.Registration;

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
            RegistrationForm.SubmitAsync(f.client, f.page, f.email)));

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

public sealed class WaitingListTests(CapacityAppFixture app) : IClassFixture<CapacityAppFixture>
{
    [Fact]
    public async Task Should_give_a_cancelled_place_to_the_first_on_the_waiting_list_and_tell_them()
    {
        // The demo's own waiting list would be first in line; this test starts with an empty one.
        await app.WithDbAsync(db => db.Delegates.Where(d => d.Status == RegistrationStatus.Waitlisted)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, RegistrationStatus.Rejected)));
        var taken = await app.WithDbAsync(db => db.Forums.Select(f => f.PlacesTaken).SingleAsync());
        await app.WithDbAsync(db => db.Forums.ExecuteUpdateAsync(s => s.SetProperty(f => f.Capacity, taken + 1)));
        var leaving = $"leaving-{Guid.NewGuid():N}@city.example.org";
        var first = $"first-{Guid.NewGuid():N}@city.example.org";
        var second = $"second-{Guid.NewGuid():N}@city.example.org";
        foreach (var email in new[] { leaving, first, second })
        {
            var response = await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(RegistrationStatus.Waitlisted, await StatusOfAsync(first));
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == leaving).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true)));
        var client = await Clients.SignInAsync(app, leaving, ForumAppFactory.Password);

        var asked = await ConfirmSteps.AskedAsync(await HtmlForms.SubmitAsync(client, "/me", new Dictionary<string, string>(), formSelector: "form.danger-zone"));
        Assert.Contains("Your place goes to the next person on the waiting list (2 waiting).", ConfirmSteps.Consequences(asked), StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Waitlisted, await StatusOfAsync(first));
        var cancelled = await ConfirmSteps.ConfirmAsync(client, asked, "/me?handler=Cancel");

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(RegistrationStatus.Cancelled, await StatusOfAsync(leaving));
        Assert.Equal(RegistrationStatus.Submitted, await StatusOfAsync(first));
        Assert.Equal(RegistrationStatus.Waitlisted, await StatusOfAsync(second));
        Assert.Equal(taken + 1, await app.WithDbAsync(db => db.Forums.Select(f => f.PlacesTaken).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == first && m.Purpose == "registration.promoted")));
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == leaving && m.Purpose == "registration.cancelled")));
        var history = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "promoted").Select(a => a.Before + ">" + a.After).ToListAsync());
        Assert.Contains("Waitlisted>Submitted", history);
    }

    [Fact]
    public async Task Should_give_a_delegate_their_own_data_and_no_one_elses()
    {
        var mine = $"mine-{Guid.NewGuid():N}@city.example.org";
        var theirs = $"theirs-{Guid.NewGuid():N}@city.example.org";
        foreach (var email in new[] { mine, theirs })
        {
            await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email, v =>
            {
                v[DelegateFields.NeedsVisaLetter] = "true";
                v[DelegateFields.PassportNumber] = email.StartsWith("mine", StringComparison.Ordinal) ? "G11112222" : "G33334444";
                v[DelegateFields.Nationality] = "JP";
                v[DelegateFields.DateOfBirth] = "1970-01-02";
                v[DelegateFields.PassportExpiry] = "2015-05-05";
                v[DelegateFields.PassportPlaceOfIssue] = "Tokyo";
            });
        }

        await app.WithDbAsync(db => db.Users.Where(u => u.Email == mine).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true)));
        var client = await Clients.SignInAsync(app, mine, ForumAppFactory.Password);
        var theirId = await app.WithDbAsync(db => db.Delegates.Where(d => d.Email == theirs).Select(d => d.Id).SingleAsync());

        var response = await client.GetAsync($"/me/data.json?id={theirId}&delegateId={theirId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains("G11112222", json, StringComparison.Ordinal);
        Assert.Contains("张伟", json, StringComparison.Ordinal);
        Assert.DoesNotContain("G33334444", json, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, json, StringComparison.Ordinal);
    }

    private Task<RegistrationStatus> StatusOfAsync(string email) =>
        app.WithDbAsync(db => db.Delegates.Where(d => d.Email == email).Select(d => d.Status).SingleAsync());
}
