using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ForumManager.Core.Accounts;
using ForumManager.Testing;
using Microsoft.Playwright;

namespace ForumManager.BrowserTests;

/// <summary>
/// An admin gives the venue's screens a token on a phone, in Chinese: the token is shown once with its warning, works
/// at once, and stops working when revoked through the confirmation step.
/// </summary>
public sealed partial class ApiTokenJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Should_make_a_token_see_it_once_use_it_and_revoke_it_in_chinese_on_a_phone()
    {
        var admin = await browser.App.CreateUserAsync(Roles.Admin);
        await browser.RunAsync(nameof(Should_make_a_token_see_it_once_use_it_and_revoke_it_in_chinese_on_a_phone), async page =>
        {
            await page.SetViewportSizeAsync(375, 812);
            await page.GotoAsync("/Identity/Account/Login");
            await page.Locator("#Input_Email").FillAsync(admin);
            await page.Locator("#Input_Password").FillAsync(ForumAppFactory.Password);
            await page.GetByTestId("sign-in-submit").ClickAsync();
            await page.GotoAsync("/admin/api");

            await page.GetByLabel("名称").FillAsync("会场屏幕");
            await page.Locator("#scope-programme-read").CheckAsync();
            await page.GetByTestId("create-token").ClickAsync();

            var issued = page.GetByTestId("issued-token");
            await Assertions.Expect(issued).ToHaveValueAsync(TokenShape());
            await Assertions.Expect(page.GetByTestId("token-issued")).ToContainTextAsync("只显示这一次");
            var token = await issued.InputValueAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "api-screens", "admin-api-issued-zh-375.png"), FullPage = true });
            Assert.Equal(HttpStatusCode.OK, await CallAsync(token));

            // Leaving and coming back: the list names the token by its prefix; the secret is gone.
            await page.GotoAsync("/admin/api");
            await Assertions.Expect(page.GetByTestId("issued-token")).ToHaveCountAsync(0);
            Assert.DoesNotContain(token, await page.ContentAsync(), StringComparison.Ordinal);
            await page.GetByTestId("revoke-" + token[..12]).ClickAsync();
            await Assertions.Expect(page.GetByTestId("confirm-question")).ToContainTextAsync(token[..12]);
            await page.GetByTestId("confirm-yes").ClickAsync();
            await Assertions.Expect(page.GetByTestId("token-" + token[..12])).ToContainTextAsync("已撤销");
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "api-screens", "admin-api-list-zh-375.png"), FullPage = true });
            Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(token));
        }, locale: "zh-CN");
    }

    /// <summary>Calls the first operation that reads with programme:read and has no path parameter (the forum, or the programme).</summary>
    private async Task<HttpStatusCode> CallAsync(string token)
    {
        using var client = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var document = JsonNode.Parse(await client.GetStringAsync("/api/v1/openapi.json"))!;
        var path = document["paths"]!.AsObject()
            .First(p => !p.Key.Contains('{', StringComparison.Ordinal) && p.Value!["get"]?["x-required-scope"]?.GetValue<string>() == "programme:read").Key;
        using var call = new HttpRequestMessage(HttpMethod.Get, path);
        call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.SendAsync(call)).StatusCode;
    }

    [GeneratedRegex("^fmk_[a-z2-7]{8}_[a-z2-7]{32}$")]
    private static partial Regex TokenShape();
}
