using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ForumManager.BrowserTests;

/// <summary>An organizer sends a notice to one delegation, watches the progress bar reach 100% and sees every recipient as sent.</summary>
public sealed class NoticeJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Should_send_a_notice_to_one_delegation_and_watch_every_recipient_reach_sent()
    {
        var app = browser.App;
        var organizer = await app.CreateUserAsync(Roles.Organizer);
        var delegation = await app.WithDbAsync(db => db.Delegations.AsNoTracking()
            .Where(d => d.Members.Count(m => m.Status == RegistrationStatus.Approved) >= 2).OrderBy(d => d.Id).Select(d => new { d.Id, d.NameEn }).FirstAsync());
        var members = await app.WithDbAsync(db => db.Delegates.CountAsync(d => d.DelegationId == delegation.Id && d.Status == RegistrationStatus.Approved));
        await browser.RunAsync(nameof(Should_send_a_notice_to_one_delegation_and_watch_every_recipient_reach_sent), async page =>
        {
            await page.GotoAsync("/Identity/Account/Login");
            await page.GetByLabel("Email").FillAsync(organizer);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ForumAppFactory.Password);
            await page.GetByTestId("sign-in-submit").ClickAsync();

            await page.GotoAsync("/admin/notices");
            await page.GetByTestId("send-notice").ClickAsync();
            await page.GetByTestId("audience-delegation").SelectOptionAsync(delegation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Subject in English").FillAsync("Welcome dinner for {{ delegate.delegation }}");
            await page.GetByLabel("Text in English").FillAsync("Dear {{ delegate.name }},\n\nthe welcome dinner is at 19:00.");
            await page.GetByLabel("Subject in Chinese").FillAsync("{{ delegate.delegation }}欢迎晚宴");
            await page.GetByLabel("Text in Chinese").FillAsync("尊敬的{{ delegate.name }}：\n\n欢迎晚宴于19:00开始。");
            await page.GetByTestId("preview-notice").ClickAsync();
            await Assertions.Expect(page.GetByTestId("recipient-count")).ToContainTextAsync($"{members} recipients");
            await Assertions.Expect(page.GetByTestId("preview-subject")).ToContainTextAsync(delegation.NameEn);

            await page.GetByTestId("send").ClickAsync();
            await Assertions.Expect(page.GetByTestId("notice-progress")).ToHaveAttributeAsync("value", "100", new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("[data-testid=notice-recipients] td.state[data-state=sent]")).ToHaveCountAsync(members);
            await Assertions.Expect(page.GetByTestId("notice-summary")).ToContainTextAsync("100%");
        });
    }
}
