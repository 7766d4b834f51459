using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Core.Programme;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.BrowserTests;

/// <summary>
/// An organizer puts a session into an occupied room, sees the clash, moves it and releases the programme; a delegate
/// enrols in a special-topic forum and finds it on their own agenda.
/// </summary>
public sealed class ProgrammeJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ForumAppFactory.Password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
    }

    [Fact]
    public async Task Should_let_an_organizer_resolve_a_room_clash_and_release_and_a_delegate_enrol()
    {
        var app = browser.App;
        var organizer = await app.CreateUserAsync(Roles.Organizer);
        var opening = await app.WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Type == SessionType.OpeningCeremony));
        await browser.RunAsync(nameof(Should_let_an_organizer_resolve_a_room_clash_and_release_and_a_delegate_enrol) + "-organizer", async page =>
        {
            await SignInAsync(page, organizer);
            await page.GotoAsync("/admin/programme/session");
            await page.GetByLabel("Kind of session").SelectOptionAsync(nameof(SessionType.PressConference));
            await page.GetByLabel("Title in English").FillAsync("Press briefing on the forum");
            await page.GetByLabel("Title in Chinese").FillAsync("论坛新闻吹风会");
            await page.GetByLabel("Day").FillAsync("2010-06-23");
            await page.GetByLabel("Starts at").FillAsync("09:15");
            await page.GetByLabel("Length in minutes").FillAsync("30");
            await page.GetByLabel("Room").SelectOptionAsync(opening.RoomId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByTestId("save-session").ClickAsync();

            var clash = page.GetByTestId("session-conflicts").Locator("[data-severity=Error]");
            await Assertions.Expect(clash).ToContainTextAsync("Opening ceremony");
            await Assertions.Expect(page.GetByLabel("Title in English")).ToHaveValueAsync("Press briefing on the forum");

            await page.GetByLabel("Starts at").FillAsync("08:00");
            await page.GetByTestId("save-session").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The session is saved.");

            await page.GotoAsync("/admin/programme/release");
            await Assertions.Expect(page.GetByTestId("pending-changes")).ToContainTextAsync("Press briefing on the forum");
            await page.GetByLabel("What changed (shown with the release)").FillAsync("Press briefing before the opening");
            await page.GetByTestId("publish").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Release 2 is published.");
        });

        var delegateEmail = await app.CreateUserAsync(Roles.Delegate);
        await app.WithDbAsync(async db =>
        {
            db.Delegates.Add(new Delegate
            {
                ForumId = await db.Forums.Select(f => f.Id).SingleAsync(), UserId = await db.Users.Where(u => u.Email == delegateEmail).Select(u => u.Id).SingleAsync(),
                FamilyName = "Dubois", GivenName = "Claire", CountryCode = "FR", Email = delegateEmail, Category = DelegateCategory.Delegate,
                Status = RegistrationStatus.Approved, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        await browser.RunAsync(nameof(Should_let_an_organizer_resolve_a_room_clash_and_release_and_a_delegate_enrol) + "-delegate", async page =>
        {
            await SignInAsync(page, delegateEmail);
            await page.GotoAsync("/agenda");
            await Assertions.Expect(page.GetByTestId("agenda").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Press briefing on the forum");
            await page.GetByRole(AriaRole.Link, new() { Name = "Special-topic forum: Economy and Trade" }).ClickAsync();
            await page.GetByTestId("enrol").ClickAsync();
            await Assertions.Expect(page.GetByTestId("my-enrolment")).ToHaveTextAsync("Enrolled");

            await page.GotoAsync("/me/agenda");
            await Assertions.Expect(page.GetByTestId("my-agenda")).ToContainTextAsync("Special-topic forum: Economy and Trade");
        });
    }

    [Fact]
    public async Task Should_move_a_session_by_dragging_it_on_the_grid()
    {
        var app = browser.App;
        var organizer = await app.CreateUserAsync(Roles.Organizer);
        var closing = await app.WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Type == SessionType.ClosingCeremony));
        await browser.RunAsync(nameof(Should_move_a_session_by_dragging_it_on_the_grid), async page =>
        {
            await SignInAsync(page, organizer);
            await page.GotoAsync("/admin/programme/grid?day=2010-06-24");
            var room = closing.RoomId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await page.Locator($"td.session[data-session='{closing.Id}']").DragToAsync(page.Locator($"td.slot[data-room='{room}'][data-start='18:30']"));

            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is moved");
            await Assertions.Expect(page.Locator($"td.session[data-session='{closing.Id}']")).ToHaveAttributeAsync("data-start", "18:30");
        });
    }
}
