using ForumManager.Core.Accounts;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ForumManager.BrowserTests;

/// <summary>An organizer makes next year's forum from this year's and works on it, told so on every console page, while the public sees this year's.</summary>
public sealed class EditionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Should_let_an_organizer_clone_the_forum_and_work_on_the_draft_with_the_banner_saying_so()
    {
        var organizer = await browser.App.CreateUserAsync(Roles.Organizer);
        var forumId = await browser.App.WithDbAsync(db => db.Forums.Select(f => f.Id).SingleAsync());
        var shots = Path.Combine(AppContext.BaseDirectory, "editions");
        Directory.CreateDirectory(shots);
        await browser.RunSessionAsync(nameof(Should_let_an_organizer_clone_the_forum_and_work_on_the_draft_with_the_banner_saying_so), async session =>
        {
            var page = await session.NewPageAsync("organizer");
            await page.GotoAsync("/Identity/Account/Login");
            await page.GetByLabel("Email").FillAsync(organizer);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ForumAppFactory.Password);
            await page.GetByTestId("sign-in-submit").ClickAsync();

            await page.GotoAsync($"/admin/editions/{forumId}/clone");
            await page.GetByLabel("First day").FillAsync("2011-06-22");
            await page.GetByTestId("clone-submit").ClickAsync();
            await Assertions.Expect(page.Locator("p.status")).ToContainTextAsync("HISCF2011 was made as a draft starting on 2011-06-21");
            await Assertions.Expect(page.GetByTestId("edition-HISCF2011").GetByTestId("edition-working")).ToBeVisibleAsync();

            await page.GotoAsync("/admin/programme");
            await Assertions.Expect(page.GetByTestId("working-edition")).ToContainTextAsync("HISCF2011");
            foreach (var width in new[] { 1280, 375 })
            {
                await page.SetViewportSizeAsync(width, 800);
                await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"organizer-working-edition-en-{width}.png") });
            }

            await page.GotoAsync("/agenda");
            await Assertions.Expect(page.GetByTestId("working-edition")).ToHaveCountAsync(0);

            // The same browser in Chinese (the cookie that holds the choice is this browser's).
            await page.GotoAsync("/admin/programme");
            await page.GetByTestId("switch-language").ClickAsync();
            await Assertions.Expect(page.GetByTestId("working-edition")).ToContainTextAsync("您正在处理");
            foreach (var width in new[] { 1280, 375 })
            {
                await page.SetViewportSizeAsync(width, 800);
                await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"organizer-working-edition-zh-{width}.png") });
            }
        });
    }
}
