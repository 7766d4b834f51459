using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Core.Programme;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.BrowserTests;

/// <summary>
/// An organizer chooses a session's speakers among hundreds of people with the searchable picker: found by any part of
/// the name, without accents, in either order or in Chinese; chosen with the keyboard or the mouse; removed by the chip's button.
/// </summary>
public sealed class SessionPickerTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Should_find_speakers_by_any_part_of_their_name_and_keep_the_chosen_as_chips()
    {
        var app = browser.App;
        var organizer = await app.CreateUserAsync(Roles.Organizer);
        var mark = Guid.NewGuid().ToString("N")[..6];
        var (sessionId, muller, wang) = await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            Delegate Person(string family, string given, string? native) => new()
            {
                ForumId = forumId, FamilyName = family, GivenName = given, NativeName = native, CountryCode = "DE", Email = $"{given}.{mark}@example.org".ToLowerInvariant(),
                Category = DelegateCategory.Speaker, Status = RegistrationStatus.Approved, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            var first = Person("Müller", "Anna-" + mark, null);
            var second = Person("Wang", "Xiaoming" + mark, "王小明" + mark);
            db.Delegates.AddRange(first, second);
            await db.SaveChangesAsync();
            var session = await db.Sessions.Where(s => s.Type == SessionType.SpecialTopicForum).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            return (session, first.Id, second.Id);
        });
        await browser.RunAsync(nameof(Should_find_speakers_by_any_part_of_their_name_and_keep_the_chosen_as_chips), async page =>
        {
            await page.GotoAsync("/Identity/Account/Login");
            await page.GetByLabel("Email").FillAsync(organizer);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ForumAppFactory.Password);
            await page.GetByTestId("sign-in-submit").ClickAsync();
            await page.GotoAsync($"/admin/programme/session/{sessionId}");

            // The long multi-select gives way to a search box that carries its label.
            await Assertions.Expect(page.GetByTestId("picker-Speakers")).ToBeHiddenAsync();
            var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Speakers", Exact = true });
            await Assertions.Expect(search).ToBeVisibleAsync();

            // Without the accent, given name first: the keyboard chooses the first match.
            await search.FillAsync($"muller anna {mark}");
            var options = page.GetByRole(AriaRole.Listbox, new() { Name = "Speakers", Exact = true }).GetByRole(AriaRole.Option);
            await Assertions.Expect(options).ToHaveCountAsync(1);
            await Assertions.Expect(options.First).ToHaveTextAsync($"MÜLLER Anna-{mark}");
            await search.PressAsync("Enter");
            var chips = page.GetByRole(AriaRole.List, new() { Name = "Chosen: Speakers" });
            await Assertions.Expect(chips.GetByRole(AriaRole.Listitem)).ToHaveTextAsync([$"MÜLLER Anna-{mark}×"]);

            // In Chinese, chosen with the mouse.
            await search.FillAsync("小明" + mark);
            await page.GetByRole(AriaRole.Option, new() { Name = $"WANG Xiaoming{mark} 王小明{mark}" }).ClickAsync();
            await Assertions.Expect(chips.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);

            await chips.GetByRole(AriaRole.Button, new() { Name = $"Remove MÜLLER Anna-{mark}" }).ClickAsync();
            await Assertions.Expect(chips.GetByRole(AriaRole.Listitem)).ToHaveTextAsync([$"WANG Xiaoming{mark} 王小明{mark}×"]);

            await page.GetByTestId("save-session").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The session is saved.");
            var speakers = await app.WithDbAsync(db => db.SessionPeople.Where(p => p.SessionId == sessionId && p.Role == SessionRole.Speaker).Select(p => p.DelegateId).ToListAsync());
            Assert.Contains(wang, speakers);
            Assert.DoesNotContain(muller, speakers);

            // The saved choice comes back as a chip.
            await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Chosen: Speakers" }).GetByRole(AriaRole.Listitem)).ToContainTextAsync([$"WANG Xiaoming{mark}"]);
        });
    }

    [Theory]
    [InlineData(375, "en-GB")]
    [InlineData(1280, "zh-CN")]
    public async Task Should_show_every_room_of_the_grid_scrolled_sideways_with_the_times_in_view(int width, string locale)
    {
        var app = browser.App;
        var organizer = await app.CreateUserAsync(Roles.Organizer);
        var rooms = await app.WithDbAsync(db => db.Rooms.CountAsync());
        await browser.RunAsync(nameof(Should_show_every_room_of_the_grid_scrolled_sideways_with_the_times_in_view) + width, async page =>
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.GotoAsync("/Identity/Account/Login");
            await page.Locator("#Input_Email").FillAsync(organizer);
            await page.Locator("#Input_Password").FillAsync(ForumAppFactory.Password);
            await page.GetByTestId("sign-in-submit").ClickAsync();
            await page.GotoAsync("/admin/programme/grid?day=2010-06-23");

            await Assertions.Expect(page.Locator("[data-testid=grid] thead th[data-room]")).ToHaveCountAsync(rooms);
            var layout = await page.EvaluateAsync<double[]>("""
                async () => {
                  const box = document.querySelector(".grid-scroll");
                  const pageWide = document.documentElement.scrollWidth - window.innerWidth;
                  const roomsWide = box.scrollWidth - box.clientWidth;
                  box.scrollLeft = box.scrollWidth;
                  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                  const position = getComputedStyle(document.querySelector("[data-testid=grid] tbody tr th")).position;
                  if (position !== "sticky") return [pageWide, roomsWide, -9999, 0];
                  const time = document.querySelector("[data-testid=grid] tbody tr th").getBoundingClientRect().left - box.getBoundingClientRect().left;
                  const narrowest = Math.min(...[...document.querySelectorAll("[data-testid=grid] td.session")].map(c => c.getBoundingClientRect().width));
                  return [pageWide, roomsWide, time, narrowest];
                }
                """);

            Assert.True(layout[0] <= 0, $"the page itself scrolls sideways by {layout[0]} px");
            Assert.True(layout[1] > 0, "the grid's rooms fit without scrolling, so this test proves nothing at this width");
            Assert.InRange(layout[2], -1, 2);
            Assert.True(layout[3] >= 150, $"a session's column is only {layout[3]} px wide");
        }, locale: locale);
    }
}
