using System.Globalization;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.BrowserTests;

/// <summary>
/// An organizer houses three delegations, groups the arrivals of 23 June into pickup waves, gives each wave its
/// vehicles and downloads the manifests; a delegate landing that day then sees their pickup on their own page.
/// </summary>
public sealed class LogisticsJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Should_house_three_delegations_plan_the_pickups_of_23_June_and_show_a_delegate_their_pickup()
    {
        var app = browser.App;
        var organizer = await app.CreateUserAsync(Roles.Organizer);
        var delegateEmail = await app.CreateUserAsync(Roles.Delegate);
        var delegations = await app.WithDbAsync(db => db.Delegations.AsNoTracking()
            .Where(d => d.Members.Any(m => m.Status == RegistrationStatus.Approved && db.AccommodationRequests.Any(r => r.DelegateId == m.Id)))
            .OrderBy(d => d.Id).Take(3).Select(d => new { d.Id, d.NameEn }).ToListAsync());
        var me = await app.WithDbAsync(async db =>
        {
            var forum = await db.Forums.SingleAsync();
            var hub = await db.TransportHubs.SingleAsync(h => h.Code == "CSX");
            var d = new Delegate
            {
                ForumId = forum.Id, DelegationId = delegations[0].Id, UserId = await db.Users.Where(u => u.Email == delegateEmail).Select(u => u.Id).SingleAsync(),
                FamilyName = "Sato", GivenName = "Haruka", NativeName = "佐藤遥", NativeNameLanguage = "ja", CountryCode = "JP", Email = delegateEmail,
                Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved, Gender = Gender.Female, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(d);
            await db.SaveChangesAsync();
            db.Journeys.Add(new Journey
            {
                ForumId = forum.Id, DelegateId = d.Id, Direction = JourneyDirection.Arrival, Mode = TravelMode.Flight, Number = "NH931", HubId = hub.Id,
                ScheduledUtc = ForumTime.ToUtc(new DateOnly(2010, 6, 23), new TimeOnly(13, 20), forum.TimeZone), Terminal = "T2", UpdatedUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            return d;
        });

        await browser.RunAsync(nameof(Should_house_three_delegations_plan_the_pickups_of_23_June_and_show_a_delegate_their_pickup), async page =>
        {
            await page.GotoAsync("/Identity/Account/Login");
            await page.GetByLabel("Email").FillAsync(organizer);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ForumAppFactory.Password);
            await page.GetByTestId("sign-in-submit").ClickAsync();

            await page.GotoAsync("/admin");
            await page.GetByTestId("admin-hotels").ClickAsync();
            foreach (var delegation in delegations)
            {
                await page.GetByTestId("allocate-delegation").SelectOptionAsync(delegation.Id.ToString(CultureInfo.InvariantCulture));
                await page.GetByTestId("allocate").ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("were given a room");
            }

            var housed = await app.WithDbAsync(db => db.RoomOccupants.AsNoTracking()
                .Join(db.Delegates, o => o.DelegateId, d => d.Id, (o, d) => new { d.DelegationId, o.HotelRoom!.RoomBlock!.HotelId }).ToListAsync());
            var ids = delegations.Select(d => (int?)d.Id).ToHashSet();
            Assert.Equal(ids, housed.Select(h => h.DelegationId).ToHashSet());
            Assert.All(housed.GroupBy(h => h.DelegationId), g => Assert.Single(g.Select(h => h.HotelId).Distinct()));

            await page.GotoAsync("/admin");
            await page.GetByTestId("admin-transfers").ClickAsync();
            await page.GetByTestId("day-2010-06-23").ClickAsync();
            await Assertions.Expect(page.GetByTestId("board")).ToBeVisibleAsync();
            await page.GetByLabel("Window (minutes)").FillAsync("90");
            await page.GetByTestId("plan-waves").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("waves made");
            await Assertions.Expect(page.GetByTestId("not-in-wave")).ToContainTextAsync("0 arrivals");

            var wave = await app.WithDbAsync(db => db.Journeys.Where(j => j.DelegateId == me.Id).Select(j => j.PickupWaveId!.Value).SingleAsync());
            await page.GetByTestId($"wave-{wave}").GetByRole(AriaRole.Link).ClickAsync();
            await page.GetByTestId("suggest-vehicles").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Everyone in this wave has a seat.");

            var transfers = await app.WithDbAsync(db => db.Transfers.AsNoTracking().Where(t => t.PickupWaveId == wave).Select(t => t.Id).ToListAsync());
            Assert.NotEmpty(transfers);
            foreach (var transfer in transfers)
            {
                var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId($"manifest-pdf-{transfer}").ClickAsync());
                var file = Path.Combine(app.Folder, $"manifest-{transfer}.pdf");
                await download.SaveAsAsync(file);
                await PdfReadBack.AssertValidAsync(file);
                var text = PdfReadBack.Flat(await PdfReadBack.TextAsync(file));
                var names = await app.WithDbAsync(db => db.Journeys.Where(j => j.TransferId == transfer)
                    .Select(j => db.Delegates.Where(d => d.Id == j.DelegateId).Select(d => d.NativeName).First()).ToListAsync());
                Assert.All(names, name => Assert.Contains(name!, text, StringComparison.Ordinal));
            }

            await page.Context.ClearCookiesAsync();
            await page.GotoAsync("/Identity/Account/Login");
            await page.GetByLabel("Email").FillAsync(delegateEmail);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ForumAppFactory.Password);
            await page.GetByTestId("sign-in-submit").ClickAsync();
            await page.GotoAsync("/me");
            var vehicle = await app.WithDbAsync(db => db.Journeys.Where(j => j.DelegateId == me.Id).Select(j => j.Transfer!.Vehicle!.Label).SingleAsync());
            await Assertions.Expect(page.GetByTestId("my-pickup")).ToContainTextAsync(vehicle);
            await Assertions.Expect(page.GetByTestId("my-pickup")).ToContainTextAsync("Changsha Huanghua International Airport T2");
        });
    }
}
