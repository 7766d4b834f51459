using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ForumManager.Features.Privacy;
using ForumManager.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ForumManager.BrowserTests;

/// <summary>
/// Every HTML page of the page table, opened as the person it is for, at a desk's 1280×800 and a phone's 375×812, in
/// English and Chinese: nothing scrolls sideways, no text is cut off, every chart's words stay inside it, axe-core
/// finds nothing serious and the Nu HTML checker no error. Every screenshot is kept under the test's output, in
/// <c>tour/</c>; with <c>FORUM_TOUR_SCREENS</c> naming a folder, the main screens of each kind of user are written
/// there too (scripts/screens.sh writes docs/screens with it).
/// </summary>
public sealed partial class PageTourTests(TourFixture tour, ITestOutputHelper output) : IClassFixture<TourFixture>
{
    /// <summary>Route of the page table → who opens it and the URL, with placeholders for ids of real records (TourFixture.Ids).</summary>
    private static readonly Dictionary<string, (Visitor Visitor, string Url)> Stops = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = (Visitor.Anonymous, "/"),
        ["error"] = (Visitor.Anonymous, "/error"),
        ["status/{code:int}"] = (Visitor.Anonymous, "/status/404"),
        ["Register"] = (Visitor.Anonymous, "/register"),
        ["agenda"] = (Visitor.Anonymous, "/agenda"),
        ["agenda/session/{id:int}"] = (Visitor.Anonymous, "/agenda/session/{session}"),
        ["agenda/print"] = (Visitor.Anonymous, "/agenda/print"),
        ["archive"] = (Visitor.Anonymous, "/archive"),
        ["archive/{acronym:maxlength(32)}"] = (Visitor.Anonymous, "/archive/{archived}"),
        ["Admin/Editions"] = (Visitor.Organizer, "/admin/editions"),
        ["admin/editions/{id:int}/clone"] = (Visitor.Organizer, "/admin/editions/{forum}/clone"),

        ["Me"] = (Visitor.Delegate, "/me"),
        ["Me/Agenda"] = (Visitor.Delegate, "/me/agenda"),
        ["Me/Edit"] = (Visitor.Delegate, "/me/edit"),
        ["Me/Travel"] = (Visitor.Delegate, "/me/travel"),
        ["Me/Delegation"] = (Visitor.Head, "/me/delegation"),
        ["me/delegation/member/{id:int}"] = (Visitor.Head, "/me/delegation/member/{member}"),
        ["Me/Photo"] = (Visitor.Delegate, "/me/photo"),
        ["Me/Companions"] = (Visitor.Delegate, "/me/companions"),
        ["Me/Meetings"] = (Visitor.Head, "/me/meetings"),

        // The desk as staff see it most: a search that found a delegation's members.
        ["Checkin"] = (Visitor.Staff, "/checkin?q={desk-search}"),
        ["Checkin/Edition"] = (Visitor.Staff, "/checkin/edition"),
        ["checkin/photo/{id:int}"] = (Visitor.Staff, "/checkin/photo/{delegate}"),

        ["Admin"] = (Visitor.Organizer, "/admin"),
        ["Admin/Delegates"] = (Visitor.Organizer, "/admin/delegates"),
        ["Admin/Delegates/Details/{id:int}"] = (Visitor.Organizer, "/admin/delegates/details/{delegate}"),
        ["Admin/Delegates/Edit/{id:int}"] = (Visitor.Organizer, "/admin/delegates/edit/{delegate}"),
        ["admin/delegates/travel/{id:int}"] = (Visitor.Organizer, "/admin/delegates/travel/{delegate}"),
        ["Admin/Delegates/Zones/{id:int}"] = (Visitor.Organizer, "/admin/delegates/zones/{delegate}"),
        ["Admin/Delegations"] = (Visitor.Organizer, "/admin/delegations"),
        ["admin/photos"] = (Visitor.Organizer, "/admin/photos"),
        ["Admin/Questions"] = (Visitor.Organizer, "/admin/questions"),
        ["Admin/Import"] = (Visitor.Organizer, "/admin/import"),
        ["Admin/Clearance"] = (Visitor.Organizer, "/admin/clearance"),
        ["Admin/Programme"] = (Visitor.Organizer, "/admin/programme"),
        ["Admin/Programme/Grid"] = (Visitor.Organizer, "/admin/programme/grid?day={day}"),
        ["admin/programme/session/{id:int?}"] = (Visitor.Organizer, "/admin/programme/session/{session}"),
        ["admin/protocol/speakers"] = (Visitor.Organizer, "/admin/protocol/speakers"),
        ["admin/protocol/speakers/{sessionId:int}"] = (Visitor.Organizer, "/admin/protocol/speakers/{theme-forum}"),
        // A PDF once the session is seated; the tour looks at the page that says the theme forum has no seating plan yet.
        ["admin/protocol/seating/{sessionId:int}/{document:regex(^(seat-map|place-cards|table-cards|seating-list)$)}.pdf"] = (Visitor.Organizer, "/admin/protocol/seating/{theme-forum}/seat-map.pdf"),
        ["Admin/Programme/Release"] = (Visitor.Organizer, "/admin/programme/release"),
        ["Admin/Programme/Conflicts"] = (Visitor.Organizer, "/admin/programme/conflicts"),
        ["Admin/Programme/Setup"] = (Visitor.Organizer, "/admin/programme/setup"),
        ["admin/venues"] = (Visitor.Organizer, "/admin/venues"),
        ["admin/zones"] = (Visitor.Organizer, "/admin/zones"),
        ["Admin/Protocol"] = (Visitor.Organizer, "/admin/protocol"),
        ["Admin/Protocol/Layouts"] = (Visitor.Organizer, "/admin/protocol/layouts"),
        ["Admin/Protocol/Seating/{sessionId:int}"] = (Visitor.Organizer, "/admin/protocol/seating/{banquet}"),
        ["admin/hotels"] = (Visitor.Organizer, "/admin/hotels"),
        ["admin/hotels/{id:int}"] = (Visitor.Organizer, "/admin/hotels/{hotel}"),
        ["admin/transfers"] = (Visitor.Organizer, "/admin/transfers?day={arrivals}"),
        ["admin/transfers/wave/{id:int}"] = (Visitor.Organizer, "/admin/transfers/wave/{wave}"),
        ["Admin/Notices"] = (Visitor.Organizer, "/admin/notices"),
        ["Admin/Notices/Template"] = (Visitor.Organizer, "/admin/notices/template?kind=Approved&language=zh-Hans"),
        ["Admin/Notices/Send"] = (Visitor.Organizer, "/admin/notices/send"),
        ["Admin/Notices/Batch/{id:int}"] = (Visitor.Organizer, "/admin/notices/batch/{notice}"),
        ["Admin/Badges"] = (Visitor.Organizer, "/admin/badges"),
        ["Admin/Badges/Batch/{id:guid}"] = (Visitor.Organizer, "/admin/badges/batch/{badges}"),
        ["admin/visa-letters"] = (Visitor.Organizer, "/admin/visa-letters"),
        ["Admin/Reports"] = (Visitor.Organizer, "/admin/reports"),
        ["Admin/Meetings"] = (Visitor.Organizer, "/admin/meetings"),
        ["Admin/Meetings/Departments"] = (Visitor.Organizer, "/admin/meetings/departments"),
        ["Admin/Meetings/New"] = (Visitor.Organizer, "/admin/meetings/new?delegation={delegation}&partner=h:{department}"),
        ["admin/meetings/{id:int}"] = (Visitor.Organizer, "/admin/meetings/{meeting}"),
        ["Admin/Settings"] = (Visitor.Organizer, "/admin/settings"),
        ["admin/languages"] = (Visitor.Organizer, "/admin/languages"),
        ["admin/languages/{code}"] = (Visitor.Organizer, "/admin/languages/ru"),
        ["Admin/Users"] = (Visitor.Admin, "/admin/users"),
        ["Admin/Api"] = (Visitor.Admin, "/admin/api"),
        ["admin/api/{id:int}"] = (Visitor.Admin, "/admin/api/{api-token}"),
        ["api/v1/docs"] = (Visitor.Anonymous, "/api/v1/docs"),
        ["Admin/Webhooks"] = (Visitor.Organizer, "/admin/webhooks"),
        ["admin/webhooks/edit/{id:int?}"] = (Visitor.Organizer, "/admin/webhooks/edit/{webhook}"),
        ["admin/webhooks/{id:int}"] = (Visitor.Organizer, "/admin/webhooks/{webhook}"),

        ["Identity/Account/Login"] = (Visitor.Anonymous, "/Identity/Account/Login"),
        ["Identity/Account/ForgotPassword"] = (Visitor.Anonymous, "/Identity/Account/ForgotPassword"),
        ["Identity/Account/ForgotPasswordConfirmation"] = (Visitor.Anonymous, "/Identity/Account/ForgotPasswordConfirmation"),
        ["Identity/Account/ResetPasswordConfirmation"] = (Visitor.Anonymous, "/Identity/Account/ResetPasswordConfirmation"),
        ["Identity/Account/ResendEmailConfirmation"] = (Visitor.Anonymous, "/Identity/Account/ResendEmailConfirmation"),
        ["Identity/Account/AccessDenied"] = (Visitor.Anonymous, "/Identity/Account/AccessDenied"),
        ["Identity/Account/Lockout"] = (Visitor.Anonymous, "/Identity/Account/Lockout"),
        ["Identity/Account/Logout"] = (Visitor.Anonymous, "/Identity/Account/Logout"),
        ["Identity/Account/JoinDelegation"] = (Visitor.Delegate, "/Identity/Account/JoinDelegation"),
        ["Identity/Account/Manage"] = (Visitor.Delegate, "/Identity/Account/Manage"),
        ["Identity/Account/Manage/ChangePassword"] = (Visitor.Delegate, "/Identity/Account/Manage/ChangePassword"),
        ["Identity/Account/Manage/EnableAuthenticator"] = (Visitor.Delegate, "/Identity/Account/Manage/EnableAuthenticator"),
        ["Identity/Account/Manage/TwoFactorAuthentication"] = (Visitor.Delegate, "/Identity/Account/Manage/TwoFactorAuthentication"),
    };

    /// <summary>Routes of the page table the tour does not open, and why: they answer no HTML page of their own.</summary>
    private static readonly Dictionary<string, string> NotPages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["culture"] = "sets the language and goes back",
        ["agenda/schedule.xml"] = "XML",
        ["agenda/calendar.ics"] = "a calendar",
        ["agenda/schedule.json"] = "JSON",
        ["agenda/feed/{token}"] = "a calendar",
        ["me/data.json"] = "JSON",
        ["photos/{id:int}.jpg"] = "a JPEG",
        ["me/visa-letter.pdf"] = "PDF",
        ["admin/visa-letters/{id:int}.pdf"] = "PDF",
        ["checkin/badges/{id:int}.pdf"] = "PDF",
        ["admin/meetings/{id:int}/briefing.pdf"] = "PDF",
        ["admin/delegates/export.{format:regex(^(csv|xlsx)$)}"] = "CSV or XLSX",
        ["admin/reports/{report:regex(^(dietary|accessibility|interpretation|delegations|meetings)$)}.{format:regex(^(csv|xlsx)$)?}"] = "CSV or XLSX",
        ["admin/hotels/{id:int}/rooming.{format:regex(^(xlsx|pdf)$)}"] = "XLSX or PDF",
        ["admin/transfers/manifest/{id:int}.{format:regex(^(xlsx|pdf)$)}"] = "XLSX or PDF",
        ["admin/protocol/speakers/{sessionId:int}/run-of-show.pdf"] = "PDF",
        ["Register/Done"] = "sends back to the form unless a registration was just made",
        ["Admin/Badges/Preview"] = "a PDF",
        ["Identity/Account/Register"] = "turned off (404): delegates register at /register",
        ["Identity/Error"] = "turned off (404): errors go to /error",
        ["Identity/Account/Manage/DeletePersonalData"] = "turned off (404): the delegate's own pages hold personal data",
        ["Identity/Account/Manage/Email"] = "turned off (404)",
        ["Identity/Account/Manage/ExternalLogins"] = "turned off (404)",
        ["Identity/Account/Manage/PersonalData"] = "turned off (404): the delegate's own pages hold personal data",
        ["Identity/Account/ConfirmEmail"] = "redirects without the link's code",
        ["Identity/Account/ConfirmEmailChange"] = "redirects without the link's code",
        ["Identity/Account/ResetPassword"] = "refuses without the link's code",
        ["Identity/Account/RegisterConfirmation"] = "redirects without an address that just registered",
        ["Identity/Account/ExternalLogin"] = "redirects: no external sign-in is configured",
        ["Identity/Account/LoginWith2fa"] = "needs a sign-in half done with a second factor",
        ["Identity/Account/LoginWithRecoveryCode"] = "needs a sign-in half done with a second factor",
        ["Identity/Account/Manage/DownloadPersonalData"] = "JSON, answered to a form",
        ["Identity/Account/Manage/SetPassword"] = "redirects an account that has a password",
        ["Identity/Account/Manage/Disable2fa"] = "redirects an account without a second factor",
        ["Identity/Account/Manage/GenerateRecoveryCodes"] = "redirects an account without a second factor",
        ["Identity/Account/Manage/ShowRecoveryCodes"] = "redirects unless codes were just made",
        ["Identity/Account/Manage/ResetAuthenticator"] = "a form that takes the account's authenticator away",
    };

    /// <summary>The main screens of each kind of user, by route, and the name their pictures take in FORUM_TOUR_SCREENS.</summary>
    private static readonly Dictionary<string, string> Screens = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = "visitor-home",
        ["Register"] = "visitor-register",
        ["agenda"] = "visitor-agenda",
        ["Me"] = "delegate-me",
        ["Me/Agenda"] = "delegate-me-agenda",
        ["Me/Travel"] = "delegate-me-travel",
        ["Admin"] = "organizer-dashboard",
        ["Admin/Delegates"] = "organizer-delegates",
        ["Admin/Programme/Grid"] = "organizer-programme-grid",
        ["admin/programme/session/{id:int?}"] = "organizer-session-editor",
        ["admin/hotels"] = "organizer-hotels",
        ["admin/transfers"] = "organizer-transfers",
        ["Admin/Notices"] = "organizer-notices",
        ["Admin/Badges"] = "organizer-badges",
        ["Checkin"] = "staff-checkin",
    };

    /// <summary>Pages whose point is their status: the error page a missing page gets.</summary>
    private static readonly Dictionary<string, int> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["status/{code:int}"] = 404,
        ["admin/protocol/seating/{sessionId:int}/{document:regex(^(seat-map|place-cards|table-cards|seating-list)$)}.pdf"] = 409,
    };

    private static readonly (string Name, int Width, int Height)[] Viewports = [("desk", 1280, 800), ("phone", 375, 812)];
    private static readonly string[] Languages = ["en", "zh"];

    /// <summary>Longest picture kept of a page, so that a list of hundreds of rows stays a picture one can open.</summary>
    private const int LongestShot = 2500;

    /// <summary>Longest picture of a main screen for the README: its first screens, which say what the page is.</summary>
    private const int LongestScreen = 1600;

    [Fact]
    public void Should_tour_every_html_page_of_the_page_table()
    {
        var untoured = PageTable.Pages.Keys.Where(r => !Stops.ContainsKey(r) && !NotPages.ContainsKey(r)).ToList();
        var stale = Stops.Keys.Concat(NotPages.Keys).Where(r => !PageTable.Pages.ContainsKey(r)).ToList();
        var both = Stops.Keys.Where(NotPages.ContainsKey).ToList();

        Assert.True(untoured.Count == 0, "Pages of the page table that the tour does not open (add them to Stops): " + string.Join(", ", untoured));
        Assert.True(stale.Count == 0, "Tour rows for routes no longer in the page table: " + string.Join(", ", stale));
        Assert.True(both.Count == 0, "Routes both toured and skipped: " + string.Join(", ", both));
    }

    [Fact]
    public async Task Should_show_every_page_finished_for_its_reader_at_both_widths_in_both_languages()
    {
        var checks = WebChecks.Folder();
        var pageChecks = await File.ReadAllTextAsync(Path.Combine(checks, "page-checks.js"));
        var axe = await File.ReadAllTextAsync(WebChecks.Require(Path.Combine(checks, "node_modules", "axe-core", "axe.min.js")));
        var vnu = WebChecks.Require(Path.Combine(checks, "node_modules", "vnu-jar", "build", "dist", "vnu.jar"));

        var shots = Path.Combine(AppContext.BaseDirectory, "tour");
        var html = Path.Combine(shots, "html");
        if (Directory.Exists(shots))
        {
            Directory.Delete(shots, recursive: true);
        }

        Directory.CreateDirectory(html);
        var screens = Environment.GetEnvironmentVariable("FORUM_TOUR_SCREENS") is { Length: > 0 } named ? Path.GetFullPath(named) : null;
        if (screens is not null)
        {
            Directory.CreateDirectory(screens);
        }

        var sources = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var only = Environment.GetEnvironmentVariable("FORUM_TOUR_ONLY");
        var stops = Stops.Where(s => string.IsNullOrEmpty(only) || s.Value.Url.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var visitor in stops.Select(s => s.Value.Visitor).Distinct())
        {
            foreach (var language in Languages)
            {
                await tour.ContextAsync(visitor, language);
            }
        }

        // The authenticator page makes the account's key on its first visit. Two tabs of one account opening it at the same
        // moment both make one and the second answers 500 (a unique key in AspNetUserTokens): the key is made here first,
        // so that the tour looks at the page, not at that race.
        if (stops.Any(s => s.Key == "Identity/Account/Manage/EnableAuthenticator"))
        {
            var first = await (await tour.ContextAsync(Visitor.Delegate, Languages[0])).NewPageAsync();
            await first.GotoAsync("/Identity/Account/Manage/EnableAuthenticator");
            await first.CloseAsync();
        }

        // The two languages go side by side, each in its own tab: the app and the browser have time to spare while the
        // other tab waits, and the tour takes about two thirds as long.
        var clock = Stopwatch.StartNew();
        var failures = (await Task.WhenAll(Languages.Select(TourAsync))).SelectMany(f => f).ToList();

        async Task<List<string>> TourAsync(string language)
        {
            var found = new List<string>();
            foreach (var group in stops.GroupBy(s => s.Value.Visitor))
            {
                var context = await tour.ContextAsync(group.Key, language);
                var page = await context.NewPageAsync();
                var errors = new List<string>();
                page.Console += (_, message) =>
                {
                    if (message.Type == "error")
                    {
                        errors.Add(message.Text);
                    }
                };
                page.PageError += (_, error) => errors.Add(error);

                foreach (var (route, (visitor, template)) in group)
                {
                    var url = tour.Ids.Aggregate(template, (u, id) => u.Replace(id.Key, id.Value, StringComparison.Ordinal));
                    var where = $"{url} as {visitor.ToString().ToLowerInvariant()} in {language}";
                    errors.Clear();
                    await page.SetViewportSizeAsync(Viewports[0].Width, Viewports[0].Height);
                    var response = await page.GotoAsync(url);
                    var landed = new Uri(page.Url).PathAndQuery;
                    if (response is null || response.Status != Statuses.GetValueOrDefault(route, 200) || !string.Equals(landed, url, StringComparison.OrdinalIgnoreCase))
                    {
                        found.Add($"[{where}] did not show its page: {(response is null ? "no response" : response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))} at {landed}");
                        continue;
                    }

                    var file = $"{Slug(visitor, url)}-{language}";
                    sources[file + ".html"] = where;
                    await File.WriteAllTextAsync(Path.Combine(html, file + ".html"), await response.TextAsync());

                    var lang = await page.GetAttributeAsync("html", "lang") ?? string.Empty;
                    if (!lang.StartsWith(language, StringComparison.OrdinalIgnoreCase))
                    {
                        found.Add($"[{where}] is in lang=\"{lang}\", not in the language asked for");
                    }

                    foreach (var (_, width, height) in Viewports)
                    {
                        var at = $"{where} at {width}px";
                        if (width != Viewports[0].Width)
                        {
                            await page.SetViewportSizeAsync(width, height);
                            await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
                        }
                        else
                        {
                            // axe-core goes in through Playwright's evaluate, which the DevTools protocol runs outside the
                            // page's Content-Security-Policy: the tour keeps the real policy, and sees what it refuses.
                            await page.EvaluateAsync(axe);
                            var violations = await page.EvaluateAsync<string[]>(AxeRun);
                            found.AddRange(violations.Select(v => $"[{at}] axe: {v}"));
                        }

                        found.AddRange((await page.EvaluateAsync<string[]>(pageChecks)).Select(p => $"[{at}] {p}"));

                        var pageHeight = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
                        var clip = new Clip { X = 0, Y = 0, Width = width, Height = Math.Min(pageHeight, LongestShot) };
                        await page.ScreenshotAsync(new PageScreenshotOptions
                        {
                            Path = Path.Combine(shots, $"{file}-{width}.png"), FullPage = true, Clip = clip,
                        });
                        if (screens is not null && Screens.TryGetValue(route, out var screen) && (width == Viewports[0].Width || language == "en"))
                        {
                            await page.ScreenshotAsync(new PageScreenshotOptions
                                {
                                    Path = Path.Combine(screens, $"{screen}-{language}-{width}.png"), FullPage = true,
                                    Clip = new Clip { X = 0, Y = 0, Width = width, Height = Math.Min(pageHeight, LongestScreen) },
                                });
                        }
                    }

                    // The page's own status when its point is that status (the browser reports every 4xx document as an error).
                    var expected = $"the server responded with a status of {Statuses.GetValueOrDefault(route, 200)}";
                    found.AddRange(errors.Where(e => !e.Contains(expected, StringComparison.Ordinal)).Select(e => $"[{where}] the browser reported: {e}"));
                }

                await page.CloseAsync();
            }

            return found;
        }

        // FORUM_TOUR_ONLY (part of a URL) narrows the tour while one fixes a page; the test fails so that it is never left set.
        if (only is { Length: > 0 })
        {
            failures.Add($"FORUM_TOUR_ONLY={only}: only part of the tour was run");
        }

        var browsing = clock.Elapsed;
        failures.AddRange(await WebChecks.ValidateAsync(vnu, html, sources));
        output.WriteLine($"The tour took {browsing.TotalSeconds:0}s in the browser and {(clock.Elapsed - browsing).TotalSeconds:0}s in the Nu HTML checker; pictures in {shots}.");

        Assert.True(failures.Count == 0, $"{failures.Count} problems on the tour (pictures in {shots}):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    /// <summary>Serious and critical violations only, one line per element: rule, what it asks, where, and the element's markup.</summary>
    private const string AxeRun = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')} ${n.html.slice(0, 200)}`
              + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\s+/g, ' ').slice(0, 300) : '')));
        }
        """;

    private static string Slug(Visitor visitor, string url)
    {
        var slug = new StringBuilder(visitor.ToString().ToLowerInvariant()).Append('-');
        foreach (var c in url.Trim('/'))
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return url == "/" ? slug.Append("home").ToString() : slug.ToString().TrimEnd('-');
    }
}

/// <summary>The checkers installed from npm by scripts/test.sh (web-checks/package-lock.json), and the Nu HTML checker's run.</summary>
internal static class WebChecks
{
    public static string Folder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var checks = Path.Combine(folder.FullName, "tests", "ForumManager.BrowserTests", "web-checks");
            if (Directory.Exists(checks))
            {
                return checks;
            }
        }

        throw new InvalidOperationException("tests/ForumManager.BrowserTests/web-checks was not found above " + AppContext.BaseDirectory);
    }

    public static string Require(string path) => File.Exists(path)
        ? path
        : throw new InvalidOperationException($"{path} is missing: run `npm ci` in {Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(path)))} (scripts/test.sh does).");

    /// <summary>Runs the Nu HTML checker once over every page saved (it takes seconds to start) and names each error's page and line.</summary>
    public static async Task<List<string>> ValidateAsync(string vnu, string folder, IReadOnlyDictionary<string, string> sources)
    {
        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-jar", vnu, "--errors-only", "--format", "json", folder })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start: install a Java runtime (scripts/test.sh does).");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var report = await process.StandardError.ReadToEndAsync();
        await standardOutput;
        await process.WaitForExitAsync();

        var failures = new List<string>();
        using var json = JsonDocument.Parse(report);
        foreach (var message in json.RootElement.GetProperty("messages").EnumerateArray())
        {
            var file = message.TryGetProperty("url", out var url) ? Uri.UnescapeDataString(url.GetString()!.Split('/').Last()) : "?";
            var line = message.TryGetProperty("lastLine", out var last) ? last.GetInt32() : 0;
            var extract = message.TryGetProperty("extract", out var text) ? text.GetString()!.ReplaceLineEndings(" ") : string.Empty;
            failures.Add($"[{sources.GetValueOrDefault(file, file)}] HTML: {message.GetProperty("message").GetString()} (line {line} of {file}: {extract.Trim()})");
        }

        return failures;
    }
}
