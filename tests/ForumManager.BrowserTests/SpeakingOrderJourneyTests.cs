using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Core.Programme;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.BrowserTests;

/// <summary>
/// An organizer puts a special-topic forum's speakers in order: a mistyped time is refused beside its field, a speaker
/// moves up, the list is ordered by precedence, and the run-of-show is a link away.
/// </summary>
public sealed class SpeakingOrderJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Should_time_move_and_order_the_speakers_of_a_forum()
    {
        var app = browser.App;
        var organizer = await app.CreateUserAsync(Roles.Organizer);
        var sessionId = await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            Delegate Person(string family, string given, string native, string language, int rank) => new()
            {
                ForumId = forumId, FamilyName = family, GivenName = given, NativeName = native, NativeNameLanguage = language, CountryCode = "JP",
                Email = $"{given}.{family}@speakers.example.org".ToLowerInvariant(), Category = DelegateCategory.Speaker, Status = RegistrationStatus.Approved,
                PrecedenceRank = rank, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            var people = new[] { Person("Yamada", "Taro", "山田太郎", "ja", 9), Person("Kim", "Minjun", "김민준", "ko", 3), Person("Petrov", "Ivan", "Иван Петров", "ru", 6) };
            db.Delegates.AddRange(people);
            await db.SaveChangesAsync();
            var session = await db.Sessions.Include(s => s.People).Where(s => s.Type == SessionType.SpecialTopicForum).OrderByDescending(s => s.Id).FirstAsync();
            session.People.AddRange(people.Select((p, i) => new SessionPerson { Role = SessionRole.Speaker, DelegateId = p.Id, Position = i + 1 }));
            await db.SaveChangesAsync();
            return session.Id;
        });

        await browser.RunAsync(nameof(Should_time_move_and_order_the_speakers_of_a_forum), async page =>
        {
            await page.GotoAsync("/Identity/Account/Login");
            await page.GetByLabel("Email").FillAsync(organizer);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ForumAppFactory.Password);
            await page.GetByTestId("sign-in-submit").ClickAsync();
            await page.GotoAsync("/admin/protocol/speakers");
            await page.GetByTestId($"speaking-forum-{sessionId}").GetByRole(AriaRole.Link).ClickAsync();
            var names = page.GetByTestId("speaker-name");
            await Assertions.Expect(names).ToHaveTextAsync(["YAMADA Taro", "KIM Minjun", "PETROV Ivan"]);

            // A time of nought minutes is refused beside its field; the other fields keep what was typed.
            await page.GetByLabel("Minutes · YAMADA Taro").FillAsync("20");
            await page.GetByLabel("Minutes · KIM Minjun").FillAsync("0");
            await page.GetByTestId("save-speakers").ClickAsync();
            var kim = page.GetByTestId("speaker").Nth(1);
            await Assertions.Expect(kim.GetByTestId("minutes-error")).ToContainTextAsync("between 1 and 240");
            await Assertions.Expect(page.GetByLabel("Minutes · YAMADA Taro")).ToHaveValueAsync("20");

            await page.GetByLabel("Minutes · KIM Minjun").FillAsync("15");
            await page.GetByTestId("save-speakers").ClickAsync();
            await Assertions.Expect(page.Locator("p.status")).ToContainTextAsync("saved");
            await Assertions.Expect(page.GetByTestId("speaker").Nth(1).Locator("td").Nth(1)).ToHaveTextAsync("14:20–14:35");

            // Kim moves up a place, then precedence puts Kim (rank 3), Petrov (6) and Yamada (9) in order.
            await kim.GetByTestId("up").ClickAsync();
            await Assertions.Expect(names).ToHaveTextAsync(["KIM Minjun", "YAMADA Taro", "PETROV Ivan"]);
            await page.GetByTestId("order-by-precedence").ClickAsync();
            await Assertions.Expect(names).ToHaveTextAsync(["KIM Minjun", "PETROV Ivan", "YAMADA Taro"]);
            await Assertions.Expect(page.GetByTestId("run-of-show")).ToHaveAttributeAsync("href", $"/admin/protocol/speakers/{sessionId}/run-of-show.pdf");
        });
    }
}
