using System.Net;
using AngleSharp.Html.Dom;
using ForumManager.Testing;

namespace ForumManager.Web.Tests.Home;

[Collection(nameof(AppCollection))]
public sealed class HomePageTests(AppFixture app)
{
    [Fact]
    public async Task Should_show_the_forum_in_English_by_default()
    {
        var page = await HtmlForms.GetPageAsync(Clients.Anonymous(app), "/");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("2010 China Hunan International Sister Cities Cooperation Forum", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("22–24 June 2010", page.QuerySelector("[data-testid=forum-dates]")!.TextContent.Trim());
        Assert.True(int.Parse(page.QuerySelector("[data-testid=delegate-count]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.NotNull(page.QuerySelector("a[href='/register']"));
        Assert.NotNull(page.QuerySelector("a[href='/agenda']"));
    }

    [Fact]
    public async Task Should_answer_in_Chinese_to_a_browser_that_asks_for_it()
    {
        var page = await HtmlForms.GetPageAsync(Clients.Anonymous(app, "zh-CN,zh;q=0.9,en;q=0.5"), "/");

        Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("2010中国湖南国际友好城市合作论坛", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2010年6月22日至24日", page.QuerySelector("[data-testid=forum-dates]")!.TextContent.Trim());
        Assert.Equal("报名参会", page.QuerySelector("a[href='/register']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Should_remember_the_language_switch_in_a_cookie()
    {
        var client = Clients.Anonymous(app, "en");
        var home = await HtmlForms.GetPageAsync(client, "/");

        var response = await HtmlForms.SubmitAsync(client, home, "/", new Dictionary<string, string>(),
            formSelector: "form[action='/culture']", submitName: "culture", submitValue: "zh-Hans");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var chinese = await HtmlForms.GetPageAsync(client, "/");
        Assert.Equal("zh-Hans", chinese.DocumentElement.GetAttribute("lang"));
        Assert.Equal("English", chinese.QuerySelector("[data-testid=switch-language]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Should_not_follow_a_language_switch_to_another_site()
    {
        var client = Clients.Anonymous(app);
        var home = await HtmlForms.GetPageAsync(client, "/");

        var response = await HtmlForms.SubmitAsync(client, home, "/", new Dictionary<string, string> { ["returnUrl"] = "https://evil.example/" },
            formSelector: "form[action='/culture']", submitName: "culture", submitValue: "en");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Should_refuse_a_form_post_without_the_antiforgery_token()
    {
        var response = await Clients.Anonymous(app).PostAsync("/register", new FormUrlEncodedContent([new("Input.Email", "someone@example.org")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Should_show_a_friendly_404_in_the_readers_language()
    {
        var response = await Clients.Anonymous(app, "zh-CN").GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("页面不存在", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("header nav"));
    }

    [Fact]
    public async Task Should_send_security_headers_with_a_policy_that_allows_no_inline_script()
    {
        var response = await Clients.Anonymous(app).GetAsync("/");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var page = await HtmlForms.ParseAsync(response);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.All(page.QuerySelectorAll("script[src], link[href]"), e => Assert.StartsWith("/", e.GetAttribute("src") ?? e.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_have_landmarks_and_a_skip_link_for_keyboard_users()
    {
        var page = await HtmlForms.GetPageAsync(Clients.Anonymous(app), "/");

        Assert.NotNull(page.QuerySelector("header"));
        Assert.NotNull(page.QuerySelector("nav[aria-label]"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.NotNull(page.QuerySelector("footer"));
        Assert.Equal("#main", page.QuerySelector("a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("meta[name=viewport]"));
    }
}
