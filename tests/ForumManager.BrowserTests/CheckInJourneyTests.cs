using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.BrowserTests;

/// <summary>
/// Staff at the desk: a scanner types the badge's token and Enter into the focused search box; the delegate is
/// checked in, the badge opens as a PDF, and a second scan says "already checked in". Scans made while the desk is
/// offline wait in the browser and are counted once when the network returns.
/// </summary>
public sealed class CheckInJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ForumAppFactory.Password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
    }

    private Task<Delegate> ApprovedAsync(string family, string given, string native, string language) => browser.App.WithDbAsync(async db =>
    {
        var record = new Delegate
        {
            ForumId = await db.Forums.Select(f => f.Id).SingleAsync(),
            DelegationId = await db.Delegations.OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstAsync(),
            FamilyName = family, GivenName = given, NativeName = native, NativeNameLanguage = language, CountryCode = "TH",
            Email = $"{Guid.NewGuid():N}@example.org", Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved,
            CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
        db.Delegates.Add(record);
        await db.SaveChangesAsync();
        return record;
    });

    private Task<int> CheckInsAsync(int delegateId) => browser.App.WithDbAsync(db => db.CheckIns.CountAsync(c => c.DelegateId == delegateId));

    /// <summary>What a keyboard-wedge scanner does: types the code into the focused field and presses Enter.</summary>
    private static async Task ScanAsync(IPage page, string token)
    {
        await page.Keyboard.TypeAsync(token);
        await page.Keyboard.PressAsync("Enter");
    }

    [Fact]
    public async Task Should_check_in_a_scanned_badge_print_it_and_say_already_checked_in_on_a_second_scan()
    {
        var staff = await browser.App.CreateUserAsync(Roles.Staff);
        var person = await ApprovedAsync("Jaidee", "Somchai", "สมชาย ใจดี", "th");
        await browser.RunAsync(nameof(Should_check_in_a_scanned_badge_print_it_and_say_already_checked_in_on_a_second_scan), async page =>
        {
            await SignInAsync(page, staff);
            await page.GotoAsync("/checkin");
            await Assertions.Expect(page.GetByTestId("desk-input")).ToBeFocusedAsync();

            await ScanAsync(page, person.CheckInToken);
            var result = page.GetByTestId("scan-result");
            await Assertions.Expect(result).ToContainTextAsync("JAIDEE Somchai · สมชาย ใจดี is checked in.");
            await Assertions.Expect(result.GetByTestId("scan-reference")).ToHaveTextAsync(person.Reference);
            await Assertions.Expect(page.GetByTestId("desk-input")).ToBeFocusedAsync();
            await Assertions.Expect(page.GetByTestId("desk-input")).ToHaveValueAsync(string.Empty);

            var popup = await page.RunAndWaitForPopupAsync(() => result.GetByTestId("scan-print").ClickAsync());
            var badge = await page.Context.APIRequest.GetAsync(popup.Url);
            Assert.Equal("application/pdf", badge.Headers["content-type"]);
            var file = await PdfReadBack.SaveAsync(await badge.BodyAsync(), "desk-badge.pdf");
            Assert.Contains("สมชาย ใจดี", PdfReadBack.Flat(await PdfReadBack.TextAsync(file)), StringComparison.Ordinal);
            await popup.CloseAsync();

            await page.GetByTestId("desk-input").FocusAsync();
            await ScanAsync(page, person.CheckInToken);
            await Assertions.Expect(result).ToContainTextAsync("was already checked in at");
            await Assertions.Expect(result).ToContainTextAsync(staff);
            Assert.Equal(1, await CheckInsAsync(person.Id));
        });
    }

    [Fact]
    public async Task Should_keep_scans_made_offline_and_count_each_once_when_the_network_returns()
    {
        var staff = await browser.App.CreateUserAsync(Roles.Staff);
        var first = await ApprovedAsync("Srisai", "Anong", "อนงค์ ศรีใส", "th");
        var second = await ApprovedAsync("Wong", "Kanya", "กัญญา วงศ์", "th");
        await browser.RunAsync(nameof(Should_keep_scans_made_offline_and_count_each_once_when_the_network_returns), async page =>
        {
            await SignInAsync(page, staff);
            await page.GotoAsync("/checkin");
            await page.Context.SetOfflineAsync(true);

            await ScanAsync(page, first.CheckInToken);
            await ScanAsync(page, second.CheckInToken);
            await ScanAsync(page, first.CheckInToken);
            await Assertions.Expect(page.GetByTestId("offline-queue")).ToContainTextAsync("3 scans are waiting");
            Assert.Equal(0, await CheckInsAsync(first.Id) + await CheckInsAsync(second.Id));

            await page.Context.SetOfflineAsync(false);
            await Assertions.Expect(page.GetByTestId("offline-queue")).ToBeHiddenAsync(new() { Timeout = 15_000 });
            Assert.Equal(1, await CheckInsAsync(first.Id));
            Assert.Equal(1, await CheckInsAsync(second.Id));
            Assert.Equal(0, await page.EvaluateAsync<int>("() => window.forumDeskOffline.queue.all().then(q => q.length)"));
        });
    }

    [Fact]
    public async Task Should_drop_a_queued_scan_whose_id_belongs_to_another_badge_and_say_it_was_not_recorded()
    {
        var staff = await browser.App.CreateUserAsync(Roles.Staff);
        var first = await ApprovedAsync("Boonmee", "Chai", "ชัย บุญมี", "th");
        var second = await ApprovedAsync("Saetang", "Malee", "มาลี แซ่ตั้ง", "th");
        await browser.RunAsync(nameof(Should_drop_a_queued_scan_whose_id_belongs_to_another_badge_and_say_it_was_not_recorded), async page =>
        {
            await SignInAsync(page, staff);
            await page.GotoAsync("/checkin");

            // Another desk (with a faulty id generator) already sent a scan of the first badge under the id that this
            // desk's queued scan of the second badge carries.
            var scanId = Guid.NewGuid().ToString();
            var status = await page.EvaluateAsync<int>(
                "([token, id]) => fetch('/checkin/api/scans', { method: 'POST', headers: { 'Content-Type': 'application/json' }, " +
                "body: JSON.stringify({ token: token, checkpoint: 'main', scanId: id }) }).then(r => r.status)",
                new[] { first.CheckInToken, scanId });
            Assert.Equal(200, status);
            await page.EvaluateAsync(
                "([token, id]) => localStorage.setItem('forum-desk-queue', JSON.stringify([{ token: token, checkpoint: 'main', scanId: id }]))",
                new[] { second.CheckInToken, scanId });
            await page.ReloadAsync();

            await Assertions.Expect(page.GetByTestId("scan-result")).ToContainTextAsync("This scan was not recorded", new() { Timeout = 15_000 });
            await Assertions.Expect(page.GetByTestId("offline-queue")).ToBeHiddenAsync();
            // The scan was queued where the desk kept its queue before IndexedDB: the upgrade moved it there and sent it.
            Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('forum-desk-queue')"));
            Assert.Equal(0, await page.EvaluateAsync<int>("() => window.forumDeskOffline.queue.all().then(q => q.length)"));
            Assert.Equal(1, await CheckInsAsync(first.Id));
            Assert.Equal(0, await CheckInsAsync(second.Id));
        });
    }

    [Fact]
    public async Task Should_keep_the_hidden_camera_out_of_the_way_offer_no_badge_for_a_refused_scan_and_confirm_a_reprint_in_a_dialog()
    {
        var staff = await browser.App.CreateUserAsync(Roles.Staff);
        var refused = await ApprovedAsync("Boonmee", "Lamai", "ละไม บุญมี", "th");
        await browser.App.WithDbAsync(db => db.Delegates.Where(d => d.Id == refused.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, RegistrationStatus.Waitlisted)));
        var lost = await ApprovedAsync("Chaiyo", "Preecha", "ปรีชา ไชโย", "th");
        await browser.RunAsync(nameof(Should_keep_the_hidden_camera_out_of_the_way_offer_no_badge_for_a_refused_scan_and_confirm_a_reprint_in_a_dialog), async page =>
        {
            await SignInAsync(page, staff);
            await page.GotoAsync("/checkin");

            var camera = await page.Locator("#camera").BoundingBoxAsync();
            Assert.Null(camera);

            await ScanAsync(page, refused.CheckInToken);
            var result = page.GetByTestId("scan-result");
            await Assertions.Expect(result).ToContainTextAsync("BOONMEE Lamai");
            await Assertions.Expect(result.GetByTestId("scan-print")).ToHaveCountAsync(0);

            await page.GotoAsync("/checkin?layout=A4&q=Preecha+Chaiyo");
            await page.GetByLabel("Reason for reprint").FillAsync("Left in a taxi");
            await page.GetByTestId("reprint").ClickAsync();
            var dialog = page.Locator("dialog.confirm-dialog");
            await Assertions.Expect(dialog).ToBeVisibleAsync();
            await Assertions.Expect(dialog).ToContainTextAsync("stops working at every door");
            await Assertions.Expect(dialog).ToContainTextAsync("Left in a taxi");
            Assert.Equal(lost.CheckInToken, await browser.App.WithDbAsync(db => db.Delegates.Where(d => d.Id == lost.Id).Select(d => d.CheckInToken).SingleAsync()));

            await dialog.GetByTestId("confirm-yes").ClickAsync();
            await Assertions.Expect(page.GetByTestId("reprint-done")).ToContainTextAsync("New badge for CHAIYO Preecha");
            Assert.EndsWith("?layout=A4", await page.GetByTestId("reprint-badge").GetAttributeAsync("href"), StringComparison.Ordinal);
            Assert.NotEqual(lost.CheckInToken, await browser.App.WithDbAsync(db => db.Delegates.Where(d => d.Id == lost.Id).Select(d => d.CheckInToken).SingleAsync()));
        });
    }

    /// <summary>
    /// A door keeper at the VIP lounge scans a delegate's badge: the desk refuses it and says why, in the desk's language;
    /// at the special-topic forums' entrance the same badge is let in and the zone's count goes up.
    /// </summary>
    [Theory]
    [InlineData("en-GB", "may not enter: the badge does not open this zone", "may enter.")]
    [InlineData("zh-CN", "不能进入：证件不含此区域", "可以进入。")]
    public async Task Should_show_a_zone_refusal_with_its_reason_and_count_an_admitted_entry(string locale, string refusal, string admitted)
    {
        var staff = await browser.App.CreateUserAsync(Roles.Staff);
        var person = await ApprovedAsync("Suzuki", "Haruto", "鈴木陽翔", "ja");
        var (lounge, topics, zone) = await browser.App.WithDbAsync(async db => (
            await db.ZoneCheckpoints.Where(c => c.NameEn == "VIP lounge door").Select(c => c.Id).SingleAsync(),
            await db.ZoneCheckpoints.Where(c => c.NameEn == "Special-topic forums entrance").Select(c => c.Id).SingleAsync(),
            await db.Zones.Where(z => z.Code == "S").Select(z => z.Id).SingleAsync()));
        await browser.RunAsync(nameof(Should_show_a_zone_refusal_with_its_reason_and_count_an_admitted_entry) + "-" + locale, async page =>
        {
            // The form's labels are in the page's language; its fields are found by name.
            await page.GotoAsync("/Identity/Account/Login");
            await page.Locator("[name='Input.Email']").FillAsync(staff);
            await page.Locator("[name='Input.Password']").FillAsync(ForumAppFactory.Password);
            await page.GetByTestId("sign-in-submit").ClickAsync();
            await page.GotoAsync($"/checkin?checkpoint=zone-cp:{lounge}");
            await ScanAsync(page, person.CheckInToken);
            var result = page.GetByTestId("scan-result");
            await Assertions.Expect(result).ToContainTextAsync(refusal);
            await Assertions.Expect(result).ToHaveAttributeAsync("data-reason", "zone");
            await Shots(page, $"desk-refused-{locale}");

            await page.GotoAsync($"/checkin?checkpoint=zone-cp:{topics}");
            var before = int.Parse(await page.Locator($"tr[data-zone='{zone}'] [data-inside]").TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            await ScanAsync(page, person.CheckInToken);
            await Assertions.Expect(result).ToContainTextAsync(admitted);
            await Assertions.Expect(page.Locator($"tr[data-zone='{zone}'] [data-inside]")).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Shots(page, $"desk-admitted-{locale}");
        }, locale);
    }

    /// <summary>Pictures of the desk at a desk's and a phone's width, kept with the test's output to look at.</summary>
    private static async Task Shots(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "zones");
        Directory.CreateDirectory(folder);
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(1280, 900);
    }
}
