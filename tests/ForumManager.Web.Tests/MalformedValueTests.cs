using System.Net;
using AngleSharp.Html.Dom;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Features;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests;

public sealed class MalformedValueAppFixture : ForumAppFactory;

/// <summary>
/// The malformed values an outside attack test sent that the app answered with a server error, each now answered
/// as a person (or an attacker) can read: the page again with a message at the field in the reader's language, no
/// match, or a 400.
/// </summary>
public sealed class MalformedValueTests(MalformedValueAppFixture app) : IClassFixture<MalformedValueAppFixture>
{
    private static readonly string Long = new('a', 100_000);

    private async Task<HttpClient> InChineseAsync(string role)
    {
        var client = await Clients.SignedInAsync(app, role);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }

    /// <summary>A delegate with an account, approved, who may still edit their registration; signed in, reading Chinese.</summary>
    private async Task<(HttpClient Client, int Id)> DelegateAsync()
    {
        var email = await app.CreateUserAsync(Roles.Delegate);
        var id = await app.WithDbAsync(async db =>
        {
            await db.Forums.ExecuteUpdateAsync(s => s.SetProperty(f => f.EditClosesUtc, (DateTime?)null));
            var record = new Delegate
            {
                ForumId = await db.Forums.Select(f => f.Id).SingleAsync(), UserId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(),
                FamilyName = "Novak", GivenName = "Jana", CountryCode = "CZ", Email = email, Phone = "+420 601 123 456", Category = DelegateCategory.Delegate,
                Status = RegistrationStatus.Approved, PreferredLanguage = "en", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        var client = await Clients.SignInAsync(app, email, ForumAppFactory.Password);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return (client, id);
    }

    /// <summary>"“x”不是必答的有效值。": the value, and the field by its Chinese label.</summary>
    private static string NotValidInChinese(string value, string label) =>
        SharedResource.Get("Binding_AttemptedValueInvalid", "zh-Hans", value, SharedResource.Get(label, "zh-Hans"));

    private static string MessageAt(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "(no message element)";

    [Fact]
    public async Task Should_show_a_checkbox_sent_as_anything_but_true_or_false_as_a_message_at_the_box_in_the_readers_language()
    {
        var (me, _) = await DelegateAsync();
        var organizer = await InChineseAsync(Roles.Organizer);
        var anonymous = Clients.Anonymous(app, "zh-CN");
        var someone = await app.WithDbAsync(db => db.Delegates.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());
        (HttpClient Client, string Url, string Form, string? Button, string Field, string Label)[] forms =
        [
            (me, "/me/edit", "[data-testid=edit-form]", null, "Input.NeedsVisaLetter", "Field_NeedsVisaLetter"),
            (organizer, $"/admin/delegates/edit/{someone}", "[data-testid=admin-edit-form]", null, "Input.NeedsVisaLetter", "Field_NeedsVisaLetter"),
            (organizer, "/admin/settings", "main form[method=post]", null, "Input.OpenRegistration", "Settings_OpenRegistration"),
            (organizer, "/admin/settings", "main form[method=post]", null, "Input.NoticesInBothLanguages", "Settings_NoticesInBothLanguages"),
            (organizer, "/admin/programme/session", "[data-testid=session-form]", null, "Input.IsPublic", "Programme_Public"),
            (organizer, "/admin/questions", "[data-testid=question-form]", null, "Input.Required", "Questions_Required"),
            (organizer, "/admin/notices/send", "[data-testid=send-form]", "[data-testid=preview-notice]", "AttachAgenda", "Notices_AttachAgenda"),
            (organizer, "/admin/notices/send", "[data-testid=send-form]", "[data-testid=preview-notice]", "AttachQrCode", "Notices_AttachQrCode"),
            (anonymous, "/Identity/Account/Login", "main form[method=post]", null, "Input.RememberMe", "Field_RememberMe"),
        ];
        var problems = new List<string>();

        foreach (var (client, url, form, button, field, label) in forms)
        {
            var response = await HtmlForms.SubmitAsync(client, url, new Dictionary<string, string> { [field] = "x" }, form, button: button);
            var message = response.StatusCode == HttpStatusCode.OK ? MessageAt(await HtmlForms.ParseAsync(response), field) : string.Empty;
            if (message != NotValidInChinese("x", label))
            {
                problems.Add($"POST {url} {field}=x → {(int)response.StatusCode} '{message}'");
            }
        }

        foreach (var (url, field, label) in new[]
        {
            ("/admin/badges?NotPrinted=x", "NotPrinted", "Badges_NotPrinted"), ("/admin/visa-letters?OnlyRequested=x", "OnlyRequested", "VisaLetters_OnlyRequested"),
        })
        {
            var response = await organizer.GetAsync(url);
            var message = response.StatusCode == HttpStatusCode.OK ? MessageAt(await HtmlForms.ParseAsync(response), field) : string.Empty;
            if (message != NotValidInChinese("x", label))
            {
                problems.Add($"GET {url} → {(int)response.StatusCode} '{message}'");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Should_quote_no_more_of_a_huge_value_than_a_person_reads_in_its_message()
    {
        var organizer = await InChineseAsync(Roles.Organizer);

        var response = await HtmlForms.SubmitAsync(organizer, "/admin/settings", new Dictionary<string, string> { ["Input.OpenRegistration"] = Long });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"“{new string('a', 40)}…”不是开放报名（无需邀请）的有效值。", MessageAt(await HtmlForms.ParseAsync(response), "Input.OpenRegistration"));
    }

    [Fact]
    public async Task Should_find_no_one_arriving_on_the_last_day_of_the_calendar()
    {
        var organizer = await InChineseAsync(Roles.Organizer);

        var badges = await HtmlForms.GetPageAsync(organizer, "/admin/badges?Status=&ArrivalDay=9999-12-31");
        var notice = await HtmlForms.SubmitAsync(organizer, "/admin/notices/send", new Dictionary<string, string> { ["ArrivalDay"] = "9999-12-31" },
            "[data-testid=send-form]", button: "[data-testid=send]");

        Assert.Equal("共 0 张胸卡符合条件。", badges.QuerySelector("[data-testid=badge-matching]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Contains("没有符合条件的代表。", (await HtmlForms.ParseAsync(notice)).QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.NoticeBatches.CountAsync()));
    }

    [Fact]
    public async Task Should_refuse_a_room_rate_larger_than_any_number_at_its_field_and_add_no_block()
    {
        var organizer = await InChineseAsync(Roles.Organizer);
        var blocks = await app.WithDbAsync(db => db.RoomBlocks.CountAsync());
        var hotel = await app.WithDbAsync(db => db.Hotels.OrderBy(h => h.Id).Select(h => h.Id).FirstAsync());

        var response = await HtmlForms.SubmitAsync(organizer, "/admin/hotels", new Dictionary<string, string>
        {
            ["Block.HotelId"] = hotel.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Block.Type"] = "Twin", ["Block.FirstNight"] = "2010-06-21",
            ["Block.LastNight"] = "2010-06-24", ["Block.Rooms"] = "5", ["Block.Rate"] = "99999999999999999999",
        }, "[data-testid=block-form]");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1000000", MessageAt(await HtmlForms.ParseAsync(response), "Block.Rate"), StringComparison.Ordinal);
        Assert.Equal(blocks, await app.WithDbAsync(db => db.RoomBlocks.CountAsync()));
    }

    [Fact]
    public async Task Should_treat_an_edit_with_a_forged_version_as_changed_meanwhile_and_save_nothing()
    {
        var (me, id) = await DelegateAsync();

        var response = await HtmlForms.SubmitAsync(me, "/me/edit", new Dictionary<string, string> { ["Stamp"] = "-1", ["Input.Position"] = "Mayor" },
            "[data-testid=edit-form]");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summaries = (await HtmlForms.ParseAsync(response)).QuerySelectorAll(".validation-summary").Select(s => s.TextContent);
        Assert.Contains(summaries, s => s.Contains("此报名信息已被他人修改", StringComparison.Ordinal));
        Assert.Null(await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == id).Select(d => d.Position).SingleAsync()));
    }

    [Fact]
    public async Task Should_find_no_one_for_a_search_longer_than_anything_stored()
    {
        var organizer = await InChineseAsync(Roles.Organizer);
        var staff = await InChineseAsync(Roles.Staff);
        var hotel = await app.WithDbAsync(db => db.Hotels.OrderBy(h => h.Id).Select(h => h.Id).FirstAsync());
        var someone = await app.WithDbAsync(db => db.Delegates.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());

        var list = await HtmlForms.GetPageAsync(organizer, "/admin/delegates?q=" + Long);
        var export = await organizer.GetAsync("/admin/delegates/export.csv?q=" + Long);
        var rooming = await organizer.GetAsync($"/admin/hotels/{hotel}?q=" + Long);
        var answers = await organizer.GetAsync("/admin/delegates?answer=1&contains=" + Long);
        var reprint = await staff.PostAsync($"/checkin?handler=Reprint&id={someone}&q={Long}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = (await HtmlForms.GetPageAsync(staff, "/checkin?q=a")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Reason"] = "lost",
        }));

        Assert.Empty(list.QuerySelectorAll("tbody tr input[name=Selected]"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Single((await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(HttpStatusCode.OK, rooming.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answers.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reprint.StatusCode);
    }

    [Fact]
    public async Task Should_answer_an_export_asked_for_with_an_empty_column_list_with_a_400()
    {
        var organizer = await InChineseAsync(Roles.Organizer);

        var response = await organizer.GetAsync("/admin/delegates/export.csv?columns=");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
