using System.Globalization;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Delegate = ForumManager.Core.Delegates.Delegate;

// The desk: a scan decided at the desk offline (roster in IndexedDB, SHA-256 in the page) against one decided by the
// server (JSON scan endpoint, SQLite), both in Chromium, from the Enter key's press to the frame after the answer is in
// the page. Each scan is a different person who is checked in, so neither side answers "already checked in".
var scans = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var listSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
const int warmUp = 10;
var needed = 2 * (scans + warmUp);
if (listSize < needed)
{
    listSize = needed;
}

await using var app = new ForumAppFactory();
var baseUrl = app.StartKestrel();
var people = await app.WithDbAsync(async db =>
{
    // The desk admits people only while the forum runs: it runs today here.
    var today = DateOnly.FromDateTime(DateTime.UtcNow);
    await db.Forums.ExecuteUpdateAsync(s => s.SetProperty(f => f.StartDate, today.AddDays(-1)).SetProperty(f => f.EndDate, today.AddDays(1)));
    var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
    var delegations = await db.Delegations.Select(d => (int?)d.Id).ToListAsync();
    string[] natives = ["张伟", "山田太郎", "김민준", "Иван Петров", "محمد العلي", "राहुल शर्मा", "สมชาย ใจดี", "Γιώργος Παπαδόπουλος"];
    var records = Enumerable.Range(0, listSize).Select(i => new Delegate
    {
        ForumId = forumId, DelegationId = delegations[i % delegations.Count], FamilyName = "Bench", GivenName = $"Person {i:0000}",
        NativeName = natives[i % natives.Length] + " " + i.ToString(CultureInfo.InvariantCulture), NativeNameLanguage = "und", CountryCode = "CN",
        Email = $"bench-{i}@example.org", Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved,
        CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
    }).ToList();
    db.Delegates.AddRange(records);
    await db.SaveChangesAsync();
    return records.Select(r => r.CheckInToken).ToList();
});
var staff = await app.CreateUserAsync(Roles.Staff);
var total = await app.WithDbAsync(db => db.Delegates.CountAsync());

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "en-GB" });
var page = await context.NewPageAsync();
await page.GotoAsync("/Identity/Account/Login");
await page.GetByLabel("Email").FillAsync(staff);
await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ForumAppFactory.Password);
await page.GetByTestId("sign-in-submit").ClickAsync();
await page.GotoAsync("/checkin");
await Assertions.Expect(page.GetByTestId("desk-network")).ToContainTextAsync($"{total} people", new() { Timeout = 60_000 });

// Times are taken in the page: the Enter key's keydown (capture, before the desk's own handlers) to the animation frame
// after the answer is written into the result, i.e. the first frame that can show it.
await page.EvaluateAsync("""
    () => {
        window.__bench = { start: 0, times: [] };
        document.getElementById('q').addEventListener('keydown', e => { if (e.key === 'Enter') { window.__bench.start = performance.now(); } }, true);
        new MutationObserver(() => {
            const start = window.__bench.start;
            if (!start) { return; }
            window.__bench.start = 0;
            requestAnimationFrame(() => window.__bench.times.push(performance.now() - start));
        }).observe(document.getElementById('scan-result'), { childList: true, subtree: true, characterData: true });
    }
    """);

var input = page.GetByTestId("desk-input");
var next = 0;
async Task<List<double>> RunAsync(int count, string expected)
{
    var times = new List<double>();
    for (var i = 0; i < count; i++)
    {
        await input.FillAsync(people[next++]);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("n => window.__bench.times.length >= n", (i + 1));
        var result = await page.GetByTestId("scan-result").GetAttributeAsync("class");
        if (result != "scan-result checked-in")
        {
            throw new InvalidOperationException($"Scan {next} answered {result}, not {expected} checked-in.");
        }

        times.Add(await page.EvaluateAsync<double>("() => window.__bench.times[window.__bench.times.length - 1]"));
    }

    await page.EvaluateAsync("() => { window.__bench.times = []; }");
    return times;
}

await RunAsync(warmUp, "online");
var online = await RunAsync(scans, "online");
await context.SetOfflineAsync(true);
await RunAsync(warmUp, "offline");
var offline = await RunAsync(scans, "offline");
var waiting = await page.EvaluateAsync<int>("() => window.forumDeskOffline.queue.all().then(q => q.length)");

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

var (onMedian, onP95) = (Percentile(online, 0.5), Percentile(online, 0.95));
var (offMedian, offP95) = (Percentile(offline, 0.5), Percentile(offline, 0.95));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"desk scan, Enter to answer shown (Chromium, {total} people in the list, {scans} scans each after {warmUp} to warm up):"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"online, decided by the server:   median {onMedian,6:0.0} ms  p95 {onP95,6:0.0} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"offline, decided at the desk:    median {offMedian,6:0.0} ms  p95 {offP95,6:0.0} ms  ({waiting} scans queued)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio offline/online:            median {offMedian / onMedian,6:0.00}     p95 {offP95 / onP95,6:0.00}"));
