using System.Net;
using System.Text.Json;
using ForumManager.Core.Accounts;
using ForumManager.Core.Auditing;
using ForumManager.Core.Integrations;
using ForumManager.Features.Delegates;
using ForumManager.Testing;
using ForumManager.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests.Admin.Settings;

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

public sealed class PurgeTests(SettingsAppFixture app) : IClassFixture<SettingsAppFixture>
{
    [Fact]
    public async Task Should_purge_personal_data_after_the_retention_period_only_when_confirmed()
    {
        var email = $"purge-{Guid.NewGuid():N}@city.example.org";
        await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email, v =>
        {
            v[DelegateFields.NeedsVisaLetter] = "true";
            v[DelegateFields.PassportNumber] = "X55556666";
            v[DelegateFields.Nationality] = "GR";
            v[DelegateFields.DateOfBirth] = "1975-05-05";
            v[DelegateFields.PassportExpiry] = "2014-05-05";
            v[DelegateFields.PassportPlaceOfIssue] = "Athens";
        });
        var question = await app.WithDbAsync(async db =>
        {
            var question = new Core.Registration.Question { ForumId = await db.Forums.Select(f => f.Id).SingleAsync(), TextEn = "Anything else?", TextZh = "其他？" };
            var yesNo = new Core.Registration.Question { ForumId = question.ForumId, Kind = Core.Registration.QuestionKind.YesNo, TextEn = "Banquet?", TextZh = "晚宴？" };
            db.Questions.AddRange(question, yesNo);
            await db.SaveChangesAsync();
            var id = await db.Delegates.Where(d => d.Email == email).Select(d => d.Id).SingleAsync();
            db.DelegateAnswers.AddRange(new() { DelegateId = id, QuestionId = question.Id, Text = "My daughter Eleni travels with me" },
                new() { DelegateId = id, QuestionId = yesNo.Id, Text = "yes" });
            db.DelegatePhotos.Add(new Core.Accreditation.DelegatePhoto
            {
                ForumId = question.ForumId, DelegateId = id, ContentProtected = [1, 2, 3], ThumbnailProtected = [1, 2], UploadedBy = email,
            });
            var banquet = await db.Sessions.Where(s => s.Type == Core.Programme.SessionType.Banquet).Select(s => s.Id).FirstAsync();
            db.SeatAssignments.Add(new Core.Protocol.SeatAssignment { ForumId = question.ForumId, SessionId = banquet, Table = 4, Seat = 7, DelegateId = id });
            await db.SaveChangesAsync();
            return question.Id;
        });
        var count = await app.WithDbAsync(db => db.Delegates.CountAsync());
        var client = await Clients.SignedInAsync(app, Roles.Organizer);

        // A partner has synchronised every delegate, and the API once showed it a passport.
        var forumId = await app.WithDbAsync(db => db.Forums.Select(f => f.Id).SingleAsync());
        var partner = ApiTestAuth.Client(app, forumId, "partner", ApiScopes.DelegatesRead);
        var (cursor, _) = await SyncAsync(partner, "0");
        var revealedTo = await app.WithDbAsync(async db =>
        {
            var id = await db.Delegates.Where(d => d.Email == email).Select(d => d.Id).SingleAsync();
            db.AuditEntries.Add(new Actor(null, "api:partner").Audit(forumId, DateTime.UtcNow, "Delegate", id, DelegateRecords.RevealedAction));
            await db.SaveChangesAsync();
            return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });

        var wrong = await HtmlForms.SubmitAsync(client, "/admin/settings", new Dictionary<string, string> { ["PurgeConfirmation"] = "yes" },
            formSelector: "[data-testid=purge-form]");
        Assert.Contains("HISCF2010", (await HtmlForms.ParseAsync(wrong)).QuerySelector("[data-valmsg-for=PurgeConfirmation]")!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Delegates.AnyAsync(d => d.Email == email)));

        var asked = await ConfirmSteps.AskedAsync(await HtmlForms.SubmitAsync(client, "/admin/settings", new Dictionary<string, string> { ["PurgeConfirmation"] = "HISCF2010" },
            formSelector: "[data-testid=purge-form]"));
        Assert.Equal($"Remove the personal data of every delegate of 2010 China Hunan International Sister Cities Cooperation Forum ({count} people)?", ConfirmSteps.Question(asked));
        Assert.Contains("cannot be undone", ConfirmSteps.Consequences(asked), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Delegates.AnyAsync(d => d.Email == email)));

        var purged = await ConfirmSteps.ConfirmAsync(client, asked, "/admin/settings?handler=Purge");

        Assert.Equal(HttpStatusCode.Redirect, purged.StatusCode);
        var delegates = await app.WithDbAsync(db => db.Delegates.AsNoTracking().ToListAsync());
        Assert.Equal(count, delegates.Count);
        Assert.All(delegates, d =>
        {
            Assert.Null(d.NativeName);
            Assert.Null(d.PassportNumberProtected);
            Assert.Null(d.Phone);
            Assert.EndsWith("@purged.invalid", d.Email, StringComparison.Ordinal);
        });
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == email)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "purged-personal-data")));
        Assert.False(await app.WithDbAsync(db => db.DelegateAnswers.AnyAsync(a => a.QuestionId == question)));
        Assert.True(await app.WithDbAsync(db => db.DelegateAnswers.AnyAsync(a => a.Text == "yes")));
        Assert.False(await app.WithDbAsync(db => db.SeatAssignments.AnyAsync()));
        Assert.False(await app.WithDbAsync(db => db.DelegatePhotos.AnyAsync()));

        // The partner syncing from where it was gets every delegate again, purged; and is told of each by a webhook event.
        var (_, again) = await SyncAsync(partner, cursor);
        Assert.Equal(delegates.Select(d => d.Id).Order(), again.Select(i => i.GetProperty("id").GetInt32()).Order());
        Assert.All(again, i => Assert.EndsWith("@purged.invalid", i.GetProperty("email").GetString(), StringComparison.Ordinal));
        Assert.Equal(count, delegates.Select(d => d.ChangeSeq).Distinct().Count());
        var told = await app.WithDbAsync(db => db.WebhookEvents.AsNoTracking().Where(e => e.Type == WebhookEvents.DelegateChanged && e.Data.Contains("\"purged\":true"))
            .Select(e => e.Data).ToListAsync());
        var data = told.Select(d => JsonDocument.Parse(d).RootElement).ToList();
        Assert.Equal(delegates.Select(d => d.Id).Order(), data.Select(d => d.GetProperty("delegateId").GetInt32()).Order());
        Assert.All(data, d => Assert.Equal(delegates.Single(x => x.Id == d.GetProperty("delegateId").GetInt32()).ChangeSeq, d.GetProperty("changeSeq").GetInt64()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == DelegateRecords.RevealedAction && a.EntityId == revealedTo)));
    }

    /// <summary>Pages <c>changed_since</c> from a cursor to the end: the cursor to go on from, and what came.</summary>
    private static async Task<(string Cursor, List<JsonElement> Items)> SyncAsync(HttpClient partner, string cursor)
    {
        var items = new List<JsonElement>();
        while (true)
        {
            var response = await partner.GetAsync($"/api/v1/delegates?changed_since={cursor}&limit=500");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            var got = page.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(got);
            cursor = page.GetProperty("next").GetString()!;
            if (got.Count == 0)
            {
                return (cursor, items);
            }
        }
    }
}
