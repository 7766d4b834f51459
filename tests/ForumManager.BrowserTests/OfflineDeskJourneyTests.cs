using ForumManager.Core.Accounts;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.BrowserTests;

/// <summary>
/// The desk with the network gone: it keeps its checkpoint's list in IndexedDB, decides scans by the server's rules and
/// says so, finds people by any part of a name in any script, and sends its queued scans when the network returns;
/// two desks that scanned one badge count one check-in, at the earlier scan. The forum runs today here, since a desk
/// admits people only during the forum.
/// </summary>
public sealed class OfflineDeskJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ForumAppFactory.Password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
    }

    /// <summary>Approved people with names in their own script; the forum moved to run from yesterday to tomorrow.</summary>
    private Task<List<Delegate>> ApprovedAsync(IEnumerable<(string Family, string Given, string Native)> names) => browser.App.WithDbAsync(async db =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await db.Forums.ExecuteUpdateAsync(s => s.SetProperty(f => f.StartDate, today.AddDays(-1)).SetProperty(f => f.EndDate, today.AddDays(1)));
        var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
        var delegation = await db.Delegations.OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstAsync();
        var records = names.Select(n => new Delegate
        {
            ForumId = forumId, DelegationId = delegation, FamilyName = n.Family, GivenName = n.Given, NativeName = n.Native, NativeNameLanguage = "zh",
            CountryCode = "VN", Email = $"{Guid.NewGuid():N}@example.org", Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved,
            CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        }).ToList();
        db.Delegates.AddRange(records);
        await db.SaveChangesAsync();
        return records;
    });

    private static async Task ScanAsync(IPage page, string token)
    {
        await page.Keyboard.TypeAsync(token);
        await page.Keyboard.PressAsync("Enter");
    }

    private static async Task<IPage> DeskAsync(BrowserSession session, string name, string staff)
    {
        var page = await session.NewPageAsync(name);
        await SignInAsync(page, staff);
        await page.GotoAsync("/checkin");
        // The list is kept once the desk says how many people it holds.
        await Assertions.Expect(page.GetByTestId("desk-network")).ToContainTextAsync("updated at");
        return page;
    }

    /// <summary>Scans a badge the desk admits offline and waits for the answer naming that person.</summary>
    private static async Task AdmitOfflineAsync(IPage page, Delegate person)
    {
        await ScanAsync(page, person.CheckInToken);
        var result = page.GetByTestId("scan-result");
        await Assertions.Expect(result.GetByTestId("scan-reference")).ToHaveTextAsync(person.Reference);
        await Assertions.Expect(result).ToHaveClassAsync("scan-result checked-in");
        await Assertions.Expect(result.GetByTestId("decided-offline")).ToHaveTextAsync("Decided offline");
    }

    private static async Task RefusedOfflineAsync(IPage page, string oldToken)
    {
        await ScanAsync(page, oldToken);
        var result = page.GetByTestId("scan-result");
        await Assertions.Expect(result).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("scan-result (unknown-token|revoked)$"));
        await Assertions.Expect(result).ToContainTextAsync(new System.Text.RegularExpressions.Regex("This badge (is not valid|was revoked)"));
        await Assertions.Expect(result.GetByTestId("decided-offline")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Should_let_two_offline_desks_make_fifty_scans_refuse_replaced_badges_and_count_each_person_once_at_the_earliest_scan()
    {
        var people = await ApprovedAsync(Enumerable.Range(1, 49).Select(i => ("Tran", $"Offline {i:00}", $"陈离线{i}")));
        var valid = people.Take(47).ToList();
        var replaced = people.Skip(47).ToList();
        var oldTokens = replaced.Select(p => p.CheckInToken).ToList();
        foreach (var person in replaced)
        {
            // A reprint gave these a new code: the old badges are no longer anyone's.
            await browser.App.WithDbAsync(db => db.Delegates.Where(d => d.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.CheckInToken, CheckInTokens.New())));
        }

        var staffA = await browser.App.CreateUserAsync(Roles.Staff);
        var staffB = await browser.App.CreateUserAsync(Roles.Staff);
        var twice = valid[0];
        await browser.RunSessionAsync(nameof(Should_let_two_offline_desks_make_fifty_scans_refuse_replaced_badges_and_count_each_person_once_at_the_earliest_scan), async session =>
        {
            var deskA = await DeskAsync(session, "desk-a", staffA);
            var deskB = await DeskAsync(session, "desk-b", staffB);
            await deskA.Context.SetOfflineAsync(true);
            await deskB.Context.SetOfflineAsync(true);
            await Assertions.Expect(deskA.GetByTestId("desk-network")).ToContainTextAsync("Offline: scans are decided at this desk");

            // Desk A: 24 people (the first of them scanned at desk B later too) and one replaced badge.
            var beforeA = DateTime.UtcNow;
            foreach (var person in valid.Take(24))
            {
                await AdmitOfflineAsync(deskA, person);
            }

            await RefusedOfflineAsync(deskA, oldTokens[0]);

            // Desk B, later: the other 23, the badge desk A scanned first, and the other replaced badge.
            var beforeB = DateTime.UtcNow;
            foreach (var person in valid.Skip(24).Append(twice))
            {
                await AdmitOfflineAsync(deskB, person);
            }

            await RefusedOfflineAsync(deskB, oldTokens[1]);

            await Assertions.Expect(deskA.GetByTestId("offline-queue")).ToContainTextAsync("25 scans are waiting");
            await Assertions.Expect(deskB.GetByTestId("offline-queue")).ToContainTextAsync("25 scans are waiting");
            var ids = people.Select(p => p.Id).ToList();
            Assert.Equal(0, await browser.App.WithDbAsync(db => db.CheckIns.CountAsync(c => ids.Contains(c.DelegateId))));

            // The desk that scanned the shared badge later comes back first.
            await deskB.Context.SetOfflineAsync(false);
            await Assertions.Expect(deskB.GetByTestId("offline-queue")).ToBeHiddenAsync(new() { Timeout = 30_000 });
            await deskA.Context.SetOfflineAsync(false);
            await Assertions.Expect(deskA.GetByTestId("offline-queue")).ToBeHiddenAsync(new() { Timeout = 30_000 });

            var checkIns = await browser.App.WithDbAsync(db => db.CheckIns.AsNoTracking().Where(c => ids.Contains(c.DelegateId)).ToListAsync());
            Assert.Equal(47, checkIns.Count);
            Assert.Equal(valid.Select(p => p.Id).Order(), checkIns.Select(c => c.DelegateId).Order());
            Assert.All(checkIns, c => Assert.Equal(Checkpoints.Main, c.Checkpoint));
            var shared = Assert.Single(checkIns, c => c.DelegateId == twice.Id);
            Assert.Equal(staffA, shared.ByName);
            Assert.InRange(shared.CheckedInUtc, beforeA.AddSeconds(-1), beforeB);
            Assert.Equal(0, await deskA.EvaluateAsync<int>("() => window.forumDeskOffline.queue.all().then(q => q.length)"));
        });
    }

    [Fact]
    public async Task Should_count_a_queued_scan_from_a_desk_whose_clock_runs_ahead_at_the_servers_time_rather_than_lose_it()
    {
        var people = await ApprovedAsync([("Đặng", "Minh Khoa", "鄧明科")]);
        var staff = await browser.App.CreateUserAsync(Roles.Staff);
        await browser.RunAsync(nameof(Should_count_a_queued_scan_from_a_desk_whose_clock_runs_ahead_at_the_servers_time_rather_than_lose_it), async page =>
        {
            await SignInAsync(page, staff);
            await page.GotoAsync("/checkin");
            var before = DateTime.UtcNow;
            // A scan queued by a desk whose clock was an hour fast: the server refuses that time, so the desk sends it again without.
            await page.EvaluateAsync(
                "token => window.forumDeskOffline.queue.add({ token: token, checkpoint: 'main', scanId: crypto.randomUUID(), scannedAt: new Date(Date.now() + 3600000).toISOString() })",
                people[0].CheckInToken);
            await page.ReloadAsync();

            await Assertions.Expect(page.GetByTestId("scan-result")).ToHaveClassAsync("scan-result checked-in", new() { Timeout = 15_000 });
            await Assertions.Expect(page.GetByTestId("offline-queue")).ToBeHiddenAsync();
            var checkIn = await browser.App.WithDbAsync(db => db.CheckIns.SingleAsync(c => c.DelegateId == people[0].Id));
            Assert.InRange(checkIn.CheckedInUtc, before, DateTime.UtcNow);
        });
    }

    [Fact]
    public async Task Should_remove_the_desks_list_of_names_when_staff_sign_out()
    {
        var people = await ApprovedAsync([("Hồ", "Xuân Hương", "胡春香")]);
        var staff = await browser.App.CreateUserAsync(Roles.Staff);
        await browser.RunAsync(nameof(Should_remove_the_desks_list_of_names_when_staff_sign_out), async page =>
        {
            var rosters = "() => new Promise(r => { const o = indexedDB.open('forum-desk', 1); o.onsuccess = () => { const q = o.result.transaction('rosters').objectStore('rosters').count(); q.onsuccess = () => r(q.result); }; })";
            await SignInAsync(page, staff);
            await page.GotoAsync("/checkin");
            await Assertions.Expect(page.GetByTestId("desk-network")).ToContainTextAsync("updated at");
            Assert.Equal(1, await page.EvaluateAsync<int>(rosters));
            await page.Context.SetOfflineAsync(true);
            await AdmitOfflineAsync(page, people[0]);
            await page.Context.SetOfflineAsync(false);
            await Assertions.Expect(page.GetByTestId("offline-queue")).ToBeHiddenAsync(new() { Timeout = 15_000 });

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/checkin", StringComparison.Ordinal));
            Assert.Equal(0, await page.EvaluateAsync<int>(rosters));
        });
    }

    [Fact]
    public async Task Should_find_people_offline_by_part_of_a_chinese_name_or_latin_letters_without_accents_and_say_already_at_a_second_scan()
    {
        var people = await ApprovedAsync([("Lê", "Văn Thành", "黎文成"), ("Phạm", "Thị Lan", "范氏蘭")]);
        var staff = await browser.App.CreateUserAsync(Roles.Staff);
        await browser.RunSessionAsync(nameof(Should_find_people_offline_by_part_of_a_chinese_name_or_latin_letters_without_accents_and_say_already_at_a_second_scan), async session =>
        {
            var desk = await DeskAsync(session, "desk", staff);
            await desk.Context.SetOfflineAsync(true);

            foreach (var query in new[] { "文成", "thanh", "VAN THANH" })
            {
                await desk.GetByTestId("desk-input").FillAsync(query);
                await desk.GetByTestId("desk-input").PressAsync("Enter");
                var rows = desk.GetByTestId("offline-row");
                await Assertions.Expect(rows).ToHaveCountAsync(1);
                await Assertions.Expect(rows).ToContainTextAsync("LÊ Văn Thành");
                await Assertions.Expect(rows).ToContainTextAsync("黎文成");
                await Assertions.Expect(rows).ToContainTextAsync(people[0].Reference);
                await Assertions.Expect(rows).ToContainTextAsync("May enter");
            }

            await desk.GetByTestId("desk-input").FillAsync("蘭");
            await desk.GetByTestId("desk-input").PressAsync("Enter");
            await Assertions.Expect(desk.GetByTestId("offline-row")).ToContainTextAsync("PHẠM Thị Lan");

            await desk.GetByTestId("desk-input").FillAsync(string.Empty);
            await AdmitOfflineAsync(desk, people[0]);
            await ScanAsync(desk, people[0].CheckInToken);
            var result = desk.GetByTestId("scan-result");
            await Assertions.Expect(result).ToHaveClassAsync("scan-result already-checked-in");
            await Assertions.Expect(result).ToContainTextAsync("this desk");
            await Assertions.Expect(result.GetByTestId("decided-offline")).ToBeVisibleAsync();
            Assert.Equal(2, await desk.EvaluateAsync<int>("() => window.forumDeskOffline.queue.all().then(q => q.length)"));

            await desk.Context.SetOfflineAsync(false);
            await Assertions.Expect(desk.GetByTestId("offline-queue")).ToBeHiddenAsync(new() { Timeout = 30_000 });
            Assert.Equal(1, await browser.App.WithDbAsync(db => db.CheckIns.CountAsync(c => c.DelegateId == people[0].Id)));
        });
    }
}
