using System.Net;
using System.Text;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Core.Registration;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests.Registration;

/// <summary>What the pages say, in English and Chinese: countries, categories and statuses as words, counts, refusals.</summary>
[Collection(nameof(AppCollection))]
public sealed class WordsTests(AppFixture app)
{
    private static string NewEmail() => $"words-{Guid.NewGuid():N}@city.example.org";

    private async Task<HttpClient> OrganizerAsync(string language)
    {
        var client = await Clients.SignedInAsync(app, Roles.Organizer);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Theory]
    [InlineData("en", "en")]
    [InlineData("zh-Hans", "zh-Hans")]
    public async Task Should_preselect_no_honorific_and_the_pages_own_language_for_messages(string pageLanguage, string messageLanguage)
    {
        var page = await HtmlForms.GetPageAsync(Clients.Anonymous(app, pageLanguage), RegistrationForm.Url);

        var honorific = page.QuerySelector($"select[name='{DelegateFields.Honorific}']")!;
        var chosen = honorific.QuerySelector("option[selected]") ?? honorific.QuerySelector("option");
        Assert.Equal(string.Empty, chosen!.GetAttribute("value"));
        Assert.Equal("—", chosen.TextContent.Trim());
        Assert.Equal(messageLanguage, page.QuerySelector($"select[name='{DelegateFields.PreferredLanguage}'] option[selected]")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("en", "Ms", "H.E.")]
    [InlineData("zh-Hans", "女士 (Ms)", "阁下 (H.E.)")]
    public async Task Should_offer_honorifics_in_the_pages_language_and_keep_the_one_chosen_after_a_form_error(string language, string ms, string excellency)
    {
        var response = await RegistrationForm.SubmitAsync(Clients.Anonymous(app, language), NewEmail(), v =>
        {
            v[DelegateFields.Honorific] = "Ms";
            v[DelegateFields.FamilyName] = string.Empty;
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var options = (await HtmlForms.ParseAsync(response)).QuerySelectorAll($"select[name='{DelegateFields.Honorific}'] option");
        var chosen = Assert.Single(options, o => o.HasAttribute("selected"));
        Assert.Equal(("Ms", ms), (chosen.GetAttribute("value"), chosen.TextContent.Trim()));
        Assert.Contains(options, o => o.GetAttribute("value") == "H.E." && o.TextContent.Trim() == excellency);
    }

    [Theory]
    [InlineData("en", "We have sent a message to {0}.", "Send it again")]
    [InlineData("zh-Hans", "我们已向 {0} 发送邮件。", "重新发送")]
    public async Task Should_register_without_an_honorific_and_say_where_the_mail_went(string language, string sentTo, string sendAgain)
    {
        var email = NewEmail();
        var client = Clients.Anonymous(app, language);

        var response = await RegistrationForm.SubmitAsync(client, email, v => v.Remove(DelegateFields.Honorific));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Delegates.Where(d => d.Email == email).Select(d => d.Honorific).SingleAsync()));
        var done = await HtmlForms.GetPageAsync(client, "/register/done");
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, sentTo, email), done.QuerySelector("[data-testid=sent-to]")!.TextContent.Trim());
        var again = done.QuerySelector("form[data-testid=send-again]")!;
        Assert.Equal("/identity/account/resendemailconfirmation", again.GetAttribute("action"), ignoreCase: true);
        Assert.Equal(email, again.QuerySelector("input[name=Email]")!.GetAttribute("value"));
        Assert.Equal(sendAgain, again.QuerySelector("button")!.TextContent.Trim());
    }

    [Fact]
    public async Task Should_say_next_to_the_passport_number_that_it_must_be_typed_again_after_a_form_error()
    {
        var response = await RegistrationForm.SubmitAsync(Clients.Anonymous(app, "zh-Hans"), NewEmail(), v =>
        {
            v[DelegateFields.FamilyName] = string.Empty;
            v[DelegateFields.NeedsVisaLetter] = "true";
            v[DelegateFields.PassportNumber] = "P98765432";
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal(string.Empty, page.QuerySelector($"input[name='{DelegateFields.PassportNumber}']")!.GetAttribute("value"));
        Assert.Contains("请重新填写", page.QuerySelector("[data-testid=passport-not-kept]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task Should_show_the_delegate_list_without_a_Sort_error_when_its_filter_form_is_sent_untouched(string language)
    {
        var client = await OrganizerAsync(language);

        var page = await HtmlForms.GetPageAsync(client, "/admin/delegates?q=&status=&category=&country=&delegation=&sort=");

        Assert.DoesNotContain("Sort", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll(".validation-summary li"), li => li.TextContent.Trim().Length > 0);
        Assert.NotNull(page.QuerySelector("#sort option[value=precedence][selected]"));
        Assert.True(page.QuerySelectorAll("[data-testid=delegates] tbody tr").Length > 0);
    }

    [Fact]
    public async Task Should_name_countries_delegations_categories_and_statuses_in_Chinese_on_the_list_the_details_and_the_export()
    {
        var someone = await app.WithDbAsync(db => db.Delegates.AsNoTracking().Include(d => d.Delegation)
            .Where(d => d.Delegation != null && d.CountryCode != "CN").OrderBy(d => d.Id).FirstAsync());
        var country = Countries.Find(someone.CountryCode)!.NameZh;
        var client = await OrganizerAsync("zh-Hans");

        var list = await HtmlForms.GetPageAsync(client, $"/admin/delegates?delegation={someone.DelegationId}");
        var row = list.QuerySelector($"[data-testid=status-{someone.Id}]")!.ParentElement!;
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(someone.Delegation!.NameZh, cells[2]);
        Assert.Equal(country, cells[3]);
        Assert.Contains(country, list.QuerySelectorAll("#country option").Select(o => o.TextContent.Trim()));
        Assert.Contains(someone.Delegation.NameZh, list.QuerySelectorAll("#delegation option").Select(o => o.TextContent.Trim()));

        var details = await HtmlForms.GetPageAsync(client, $"/admin/delegates/details/{someone.Id}");
        var facts = details.QuerySelector("main dl")!.TextContent;
        Assert.Contains(country, facts, StringComparison.Ordinal);
        Assert.Contains(someone.Delegation.NameZh, facts, StringComparison.Ordinal);

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync(
            $"/admin/delegates/export.csv?delegation={someone.DelegationId}&columns=family&columns=delegation&columns=country&columns=category&columns=status"));
        var line = csv.Split('\n').Single(l => l.StartsWith(someone.Reference + "," + someone.FamilyName + ",", StringComparison.Ordinal));
        Assert.Contains(country, line, StringComparison.Ordinal);
        Assert.Contains(someone.Delegation.NameZh, line, StringComparison.Ordinal);
        Assert.DoesNotContain("," + someone.CountryCode, line, StringComparison.Ordinal);
        Assert.DoesNotContain(someone.Category.ToString(), line, StringComparison.Ordinal);
        Assert.DoesNotContain(someone.Status.ToString(), line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "1 delegate matches.")]
    [InlineData("zh-Hans", "共1位代表符合条件。")]
    public async Task Should_count_one_delegate_in_the_singular(string language, string expected)
    {
        var email = NewEmail();
        var family = "Singular" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))));
        await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email, v => v[DelegateFields.FamilyName] = family);
        var client = await OrganizerAsync(language);

        var page = await HtmlForms.GetPageAsync(client, "/admin/delegates?q=" + family);

        Assert.Equal(expected, page.QuerySelector("[data-testid=matching]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task Should_show_a_refusal_as_an_alert_not_as_a_success(string language)
    {
        var waiting = await app.WithDbAsync(db => db.Delegates.Where(d => d.Status == RegistrationStatus.Submitted).Select(d => d.Id).FirstAsync());
        var client = await OrganizerAsync(language);

        var refused = await client.GetAsync($"/admin/visa-letters/{waiting}.pdf");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = await HtmlForms.GetPageAsync(client, refused.Headers.Location!.OriginalString);
        var status = page.QuerySelector("p.status")!;
        Assert.Equal("alert", status.GetAttribute("role"));
        Assert.Contains("error", status.ClassList);
        Assert.Single(page.QuerySelectorAll("p.status"));
    }
}
