using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Features.Privacy;
using ForumManager.Testing;
using ForumManager.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.Me;

/// <summary>An app of its own: these tests move the edit deadline.</summary>
public sealed class EditAppFixture : ForumAppFactory;

public sealed class EditTests(EditAppFixture app) : IClassFixture<EditAppFixture>
{
    /// <summary>A delegate who registered through the form and confirmed their address, signed in.</summary>
    private async Task<(int Id, string Email, HttpClient Client)> RegisteredAsync(Action<Dictionary<string, string>>? change = null)
    {
        var email = $"editor-{Guid.NewGuid():N}@city.example.org";
        var response = await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email, change);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true)));
        var id = await app.WithDbAsync(db => db.Delegates.Where(d => d.Email == email).Select(d => d.Id).SingleAsync());
        return (id, email, await Clients.SignInAsync(app, email, ForumAppFactory.Password));
    }

    private Task<Delegate> RecordAsync(int id) => app.WithDbAsync(db => db.Delegates.AsNoTracking().SingleAsync(d => d.Id == id));

    private Task OpenEditingAsync(DateTime? closes) =>
        app.WithDbAsync(db => db.Forums.ExecuteUpdateAsync(s => s.SetProperty(f => f.EditClosesUtc, closes)));

    [Fact]
    public async Task Should_let_a_delegate_correct_their_details_keep_their_passport_and_record_the_change()
    {
        await OpenEditingAsync(null);
        var (id, email, client) = await RegisteredAsync(v =>
        {
            v[DelegateFields.NeedsVisaLetter] = "true";
            v[DelegateFields.PassportNumber] = "E12345678";
            v[DelegateFields.Nationality] = "FR";
            v[DelegateFields.DateOfBirth] = "1970-01-01";
            v[DelegateFields.PassportExpiry] = "2015-01-01";
            v[DelegateFields.PassportPlaceOfIssue] = "Paris";
        });
        var before = await RecordAsync(id);

        var form = await HtmlForms.GetPageAsync(client, MyRegistrationForm.Url);
        Assert.Equal("Zhang", form.QuerySelector($"input[name='{DelegateFields.FamilyName}']")!.GetAttribute("value"));
        Assert.Equal(string.Empty, form.QuerySelector($"input[name='{DelegateFields.PassportNumber}']")!.GetAttribute("value") ?? string.Empty);
        Assert.Contains("•••••5678", form.QuerySelector("[data-testid=passport-on-file]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("E12345678", form.Source.Text, StringComparison.Ordinal);

        var saved = await MyRegistrationForm.SubmitAsync(client, form, new Dictionary<string, string>
        {
            [DelegateFields.Position] = "Deputy Mayor",
            [DelegateFields.NativeName] = "محمد العلي",
            [DelegateFields.Email] = "someone-else@city.example.org",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await RecordAsync(id);
        Assert.Equal(("Deputy Mayor", "محمد العلي", email), (after.Position, after.NativeName, after.Email));
        Assert.Equal(before.PassportNumberProtected, after.PassportNumberProtected);
        Assert.Equal(before.DateOfBirthProtected, after.DateOfBirthProtected);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal("E12345678", scope.ServiceProvider.GetRequiredService<PersonalData>().Unprotect(after.PassportNumberProtected));
        }

        var me = await HtmlForms.GetPageAsync(client, "/me");
        Assert.Contains("محمد العلي", me.QuerySelector("[data-testid=my-registration]")!.TextContent, StringComparison.Ordinal);
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var history = (await HtmlForms.GetPageAsync(organizer, $"/admin/delegates/details/{id}")).QuerySelector("[data-testid=history]")!;
        var edited = history.QuerySelectorAll("tbody tr").Single(r => r.Children[2].TextContent == "edited");
        Assert.Equal(email, edited.Children[1].TextContent);
        Assert.Contains("Position: Director of Foreign Affairs", edited.Children[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("Position: Deputy Mayor", edited.Children[4].TextContent, StringComparison.Ordinal);
        Assert.Contains("NativeName: 张伟", edited.Children[3].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("PassportNumber", edited.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_show_bad_input_next_to_the_field_and_change_nothing()
    {
        await OpenEditingAsync(null);
        var (id, _, client) = await RegisteredAsync();
        var before = await RecordAsync(id);

        foreach (var (field, value) in new[] { (DelegateFields.FamilyName, "张"), (DelegateFields.Phone, "12"), (DelegateFields.NativeName, "<script>alert(1)</script>"),
            (DelegateFields.CountryCode, "XX"), (DelegateFields.GivenName, new string('w', 101)), (DelegateFields.NeedsVisaLetter, "true") })
        {
            var response = await MyRegistrationForm.SubmitAsync(client, new Dictionary<string, string> { [field] = value, [DelegateFields.Position] = "Changed" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await HtmlForms.ParseAsync(response);
            Assert.True(page.HasFieldError(), $"{field}={value}: no message");
        }

        var after = await RecordAsync(id);
        Assert.Equal(before.Position, after.Position);
        Assert.Equal(before.UpdatedUtc, after.UpdatedUtc);
    }

    [Fact]
    public async Task Should_refuse_changes_after_the_deadline()
    {
        var (id, _, client) = await RegisteredAsync();
        var form = await HtmlForms.GetPageAsync(client, MyRegistrationForm.Url);
        await OpenEditingAsync(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        try
        {
            var closed = await HtmlForms.GetPageAsync(client, MyRegistrationForm.Url);
            Assert.NotNull(closed.QuerySelector("[data-testid=edit-closed]"));
            Assert.Null(closed.QuerySelector(MyRegistrationForm.Selector));
            Assert.Null((await HtmlForms.GetPageAsync(client, "/me")).QuerySelector("[data-testid=edit-registration]"));

            var late = await MyRegistrationForm.SubmitAsync(client, form, new Dictionary<string, string> { [DelegateFields.Position] = "Too late" });
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
            Assert.NotNull((await HtmlForms.ParseAsync(late)).QuerySelector("[data-testid=edit-closed]"));
            Assert.NotEqual("Too late", (await RecordAsync(id)).Position);
        }
        finally
        {
            await OpenEditingAsync(null);
        }
    }

    [Fact]
    public async Task Should_save_only_the_first_of_two_edits_made_from_the_same_version()
    {
        await OpenEditingAsync(null);
        var (id, _, client) = await RegisteredAsync();
        var first = await HtmlForms.GetPageAsync(client, MyRegistrationForm.Url);
        var second = await HtmlForms.GetPageAsync(client, MyRegistrationForm.Url);

        var saved = await MyRegistrationForm.SubmitAsync(client, first, new Dictionary<string, string> { [DelegateFields.Position] = "First" });
        var stale = await MyRegistrationForm.SubmitAsync(client, second, new Dictionary<string, string> { [DelegateFields.Position] = "Second" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await HtmlForms.ParseAsync(stale);
        Assert.Contains("changed by someone else", page.Summary(), StringComparison.Ordinal);
        Assert.Equal("First", page.QuerySelector($"input[name='{DelegateFields.Position}']")!.GetAttribute("value"));
        Assert.Equal("First", (await RecordAsync(id)).Position);
    }

    [Fact]
    public async Task Should_only_ever_edit_the_signed_in_delegates_own_record()
    {
        await OpenEditingAsync(null);
        var (mine, _, client) = await RegisteredAsync();
        var (theirs, _, _) = await RegisteredAsync();
        var theirsBefore = await RecordAsync(theirs);

        var response = await HtmlForms.SubmitAsync(client, MyRegistrationForm.Url + "?id=" + theirs, new Dictionary<string, string>
        {
            ["id"] = theirs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [DelegateFields.Position] = "Hijacked",
            [DelegateFields.DelegationId] = "1",
        }, MyRegistrationForm.Selector);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(theirsBefore.Position, (await RecordAsync(theirs)).Position);
        var own = await RecordAsync(mine);
        Assert.Equal(("Hijacked", (int?)null), (own.Position, own.DelegationId));

        // An account without a registration has nothing to edit.
        var stranger = await Clients.SignedInAsync(app, Roles.Delegate);
        var nothing = await stranger.GetAsync(MyRegistrationForm.Url);
        Assert.Equal(HttpStatusCode.Redirect, nothing.StatusCode);
        Assert.Equal("/me", nothing.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Should_let_an_organizer_set_rank_category_and_address_and_show_it_in_the_history()
    {
        var (withAccount, _, _) = await RegisteredAsync();
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var imported = await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            var record = new Delegate
            {
                ForumId = forumId, FamilyName = "Petrov", GivenName = "Ivan", NativeName = "Иван Петров", CountryCode = "RU",
                Email = $"petrov-{Guid.NewGuid():N}@city.example.org", Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved,
                PrecedenceRank = 300, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        var newEmail = $"ivan-{Guid.NewGuid():N}@city.example.org";

        var saved = await DelegateEditForm.SubmitAsync(organizer, imported, new Dictionary<string, string>
        {
            [DelegateEditForm.Category] = nameof(DelegateCategory.Vip),
            [DelegateEditForm.PrecedenceRank] = "5",
            [DelegateFields.Email] = newEmail,
            [DelegateFields.Position] = "Vice Governor",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var record = await RecordAsync(imported);
        Assert.Equal((DelegateCategory.Vip, 5, newEmail, "Vice Governor", "Иван Петров"), (record.Category, record.PrecedenceRank, record.Email, record.Position, record.NativeName));
        var history = (await HtmlForms.GetPageAsync(organizer, $"/admin/delegates/details/{imported}")).QuerySelector("[data-testid=history]")!.TextContent;
        Assert.Contains("PrecedenceRank: 300", history, StringComparison.Ordinal);
        Assert.Contains("PrecedenceRank: 5", history, StringComparison.Ordinal);
        Assert.Contains("Category: Vip", history, StringComparison.Ordinal);

        var list = await HtmlForms.GetPageAsync(organizer, "/admin/delegates");
        Assert.Equal(imported.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ((AngleSharp.Html.Dom.IHtmlInputElement)list.QuerySelector("[data-testid=delegates] tbody input[name=Selected]")!).Value);

        // A delegate who signs in keeps their address; a rank out of range is refused next to its field.
        var accountEmail = (await RecordAsync(withAccount)).Email;
        var refused = await DelegateEditForm.SubmitAsync(organizer, withAccount, new Dictionary<string, string>
        {
            [DelegateFields.Email] = "taken-over@city.example.org",
            [DelegateEditForm.PrecedenceRank] = "-4",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEmpty((await HtmlForms.ParseAsync(refused)).FieldError(DelegateEditForm.PrecedenceRank)!);
        var unchanged = await DelegateEditForm.SubmitAsync(organizer, withAccount, new Dictionary<string, string>
        {
            [DelegateFields.Email] = "taken-over@city.example.org",
            [DelegateFields.Position] = "Secretary General",
        });
        Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);
        Assert.Equal((accountEmail, "Secretary General"), ((await RecordAsync(withAccount)).Email, (await RecordAsync(withAccount)).Position));

        // Another delegate's address is refused.
        var duplicate = await DelegateEditForm.SubmitAsync(organizer, imported, new Dictionary<string, string>
        {
            [DelegateFields.Email] = accountEmail,
        });
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.NotEmpty((await HtmlForms.ParseAsync(duplicate)).FieldError(DelegateFields.Email)!);
        Assert.Equal(newEmail, (await RecordAsync(imported)).Email);

        Assert.Equal(HttpStatusCode.NotFound, (await organizer.GetAsync(DelegateEditForm.Url(987654))).StatusCode);
    }
}
