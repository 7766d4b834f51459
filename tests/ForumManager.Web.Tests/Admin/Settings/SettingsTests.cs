using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Testing;
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
    }
}
