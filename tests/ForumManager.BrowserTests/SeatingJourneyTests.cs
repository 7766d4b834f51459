using System.Globalization;
using ForumManager.Core.Accounts;
using ForumManager.Core.Programme;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ForumManager.BrowserTests;

/// <summary>
/// An organizer seats the welcome banquet by precedence, swaps two guests at the host's table by dragging one onto the
/// other with the mouse, finds the swap kept after a reload and prints the place cards; a guest then sees their
/// table on their own page.
/// </summary>
public sealed class SeatingJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Should_seat_the_welcome_banquet_swap_two_guests_by_drag_and_drop_and_show_a_guest_their_table()
    {
        var app = browser.App;
        var organizer = await app.CreateUserAsync(Roles.Organizer);
        var guestEmail = await app.CreateUserAsync(Roles.Delegate);
        var banquet = await app.WithDbAsync(db => db.Sessions.Where(s => s.Type == SessionType.Banquet).Select(s => s.Id).SingleAsync());

        await browser.RunAsync(nameof(Should_seat_the_welcome_banquet_swap_two_guests_by_drag_and_drop_and_show_a_guest_their_table), async page =>
        {
            await page.GotoAsync("/Identity/Account/Login");
            await page.GetByLabel("Email").FillAsync(organizer);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ForumAppFactory.Password);
            await page.GetByTestId("sign-in-submit").ClickAsync();

            await page.GotoAsync("/admin");
            await page.GetByTestId("admin-protocol").ClickAsync();
            await page.GetByTestId($"seating-session-{banquet}").GetByRole(AriaRole.Link).ClickAsync();
            await page.GetByTestId("seat-everyone").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Everyone is seated by precedence.");

            // Two guests at the host's table, the principal guest and the next: dragged one onto the other.
            var from = page.GetByTestId("seat-1-2");
            var to = page.GetByTestId("seat-1-3");
            var first = await from.GetAttributeAsync("data-person");
            var second = await to.GetAttributeAsync("data-person");
            Assert.False(string.IsNullOrEmpty(first));
            Assert.False(string.IsNullOrEmpty(second));
            await from.ScrollIntoViewIfNeededAsync();
            var a = (await from.BoundingBoxAsync())!;
            var b = (await to.BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(a.X + a.Width / 2, a.Y + a.Height / 2);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(b.X + b.Width / 2, b.Y + b.Height / 2, new() { Steps = 8 });
            await page.Mouse.UpAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Swapped.");

            await page.ReloadAsync();
            await Assertions.Expect(page.GetByTestId("seat-1-2")).ToHaveAttributeAsync("data-person", second!);
            await Assertions.Expect(page.GetByTestId("seat-1-3")).ToHaveAttributeAsync("data-person", first!);
            var stored = await app.WithDbAsync(db => db.SeatAssignments.Where(x => x.SessionId == banquet && x.Table == 1 && (x.Seat == 2 || x.Seat == 3))
                .OrderBy(x => x.Seat).Select(x => "d" + x.DelegateId).ToListAsync());
            Assert.Equal([second!, first!], stored);

            // Printing the place cards: a tent card for each guest seated, the two swapped among them by their own-script names.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("place-cards-pdf").ClickAsync());
            var cards = Path.Combine(app.Folder, $"place-cards-{banquet}.pdf");
            await download.SaveAsAsync(cards);
            await PdfReadBack.AssertValidAsync(cards);
            var printed = PdfReadBack.Flat(await PdfReadBack.TextAsync(cards));
            var swapped = new[] { first!, second! }.Select(key => int.Parse(key[1..], CultureInfo.InvariantCulture)).ToList();
            var swappedNames = await app.WithDbAsync(db => db.Delegates.Where(d => swapped.Contains(d.Id)).Select(d => new { d.FamilyName, d.NativeName }).ToListAsync());
            Assert.All(swappedNames, name =>
            {
                Assert.Contains(name.FamilyName, printed, StringComparison.OrdinalIgnoreCase);
                if (name.NativeName is { } own && own.Any(c => c > '\u024F'))
                {
                    Assert.Contains(own, printed, StringComparison.Ordinal);
                }
            });

            // The guest now at the principal guest's seat signs in and finds their table on /me.
            var guest = int.Parse(second![1..], CultureInfo.InvariantCulture);
            await app.WithDbAsync(async db =>
            {
                var person = await db.Delegates.SingleAsync(d => d.Id == guest);
                person.UserId = await db.Users.Where(u => u.Email == guestEmail).Select(u => u.Id).SingleAsync();
                person.Email = guestEmail;
                await db.SaveChangesAsync();
                return 0;
            });
            await page.Context.ClearCookiesAsync();
            await page.GotoAsync("/Identity/Account/Login");
            await page.GetByLabel("Email").FillAsync(guestEmail);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ForumAppFactory.Password);
            await page.GetByTestId("sign-in-submit").ClickAsync();
            await page.GotoAsync("/me");
            await Assertions.Expect(page.GetByTestId("my-seats")).ToContainTextAsync("Welcome banquet");
            await Assertions.Expect(page.GetByTestId("my-seat-place")).ToHaveTextAsync("Table 1, seat 2");
        });
    }
}
