using System.Text.RegularExpressions;
using ForumManager.Core.Accounts;
using ForumManager.Testing;
using Microsoft.Playwright;

namespace ForumManager.BrowserTests;

public sealed partial class FirstJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Should_let_a_visitor_switch_to_Chinese_and_an_organizer_sign_in_and_reach_admin()
    {
        var email = await browser.App.CreateUserAsync(Roles.Organizer);
        await browser.RunAsync(nameof(Should_let_a_visitor_switch_to_Chinese_and_an_organizer_sign_in_and_reach_admin), async page =>
        {
            await page.GotoAsync("/");
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("International Sister Cities Cooperation Forum");
            Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));

            await page.GetByTestId("switch-language").ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("中国湖南国际友好城市合作论坛");
            Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "报名参会" })).ToBeVisibleAsync();

            await page.GetByTestId("sign-in").ClickAsync();
            await page.GetByLabel("邮箱").FillAsync(email);
            await page.GetByLabel("密码", new() { Exact = true }).FillAsync(ForumAppFactory.Password);
            await page.GetByTestId("sign-in-submit").ClickAsync();

            await page.GetByTestId("nav-admin").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(AdminUrl());
            await Assertions.Expect(page.GetByTestId("admin-heading")).ToHaveTextAsync("组委会概览");
        });
    }

    [Fact]
    public async Task Should_keep_the_language_when_a_page_is_opened_again_later()
    {
        await browser.RunAsync(nameof(Should_keep_the_language_when_a_page_is_opened_again_later), async page =>
        {
            await page.GotoAsync("/");
            Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));

            await page.GetByTestId("switch-language").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await page.GotoAsync("/no-such-page");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        }, locale: "zh-CN");
    }

    [GeneratedRegex("/admin$")]
    private static partial Regex AdminUrl();
}
