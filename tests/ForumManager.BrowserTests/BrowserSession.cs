using Microsoft.Playwright;

namespace ForumManager.BrowserTests;

/// <summary>
/// One test's browser work. Every page it opens has a browser context of its own, traced from the start. Should the
/// work throw, each page's full-page screenshot and trace are kept in the evidence folder, named after the test and
/// the page, and the exception goes on to the test; the contexts are closed either way, and a test that passes leaves
/// no files. Tests reach it through <see cref="BrowserFixture.RunAsync"/> and <see cref="BrowserFixture.RunSessionAsync"/>.
/// </summary>
public sealed class BrowserSession
{
    private readonly IBrowser _browser;
    private readonly string _baseUrl;
    private readonly string _evidenceFolder;
    private readonly string _testName;
    private readonly List<(string Evidence, IPage Page)> _pages = [];

    private BrowserSession(IBrowser browser, string baseUrl, string evidenceFolder, string testName)
    {
        _browser = browser;
        _baseUrl = baseUrl;
        _evidenceFolder = evidenceFolder;
        _testName = testName;
    }

    public static async Task RunAsync(IBrowser browser, string baseUrl, string evidenceFolder, string testName, Func<BrowserSession, Task> body)
    {
        var session = new BrowserSession(browser, baseUrl, evidenceFolder, testName);
        try
        {
            await body(session);
        }
        catch
        {
            await session.KeepEvidenceAsync();
            throw;
        }
        finally
        {
            await session.CloseAsync();
        }
    }

    /// <summary>
    /// A page in a fresh context asking for pages in <paramref name="locale"/>; <paramref name="name"/> (such as
    /// "organizer") tells its evidence apart from that of the session's other pages.
    /// </summary>
    public async Task<IPage> NewPageAsync(string? name = null, string locale = "en-GB")
    {
        var evidence = name is null ? _testName : $"{_testName}-{name}";
        if (_pages.Any(p => p.Evidence == evidence))
        {
            throw new InvalidOperationException($"The session already has a page whose evidence is named {evidence}: name each page.");
        }

        // Evidence of this test from an earlier run would otherwise be taken for this run's.
        foreach (var stale in new[] { Screenshot(evidence), Trace(evidence) }.SelectMany(path => new[] { path, Missing(path) }).Where(File.Exists))
        {
            File.Delete(stale);
        }

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _baseUrl, Locale = locale });
        try
        {
            await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true });
            var page = await context.NewPageAsync();
            _pages.Add((evidence, page));
            return page;
        }
        catch
        {
            // Not yet the session's, so its closing would not reach it.
            await context.CloseAsync();
            throw;
        }
    }

    private string Screenshot(string evidence) => Path.Combine(_evidenceFolder, evidence + ".png");

    private string Trace(string evidence) => Path.Combine(_evidenceFolder, evidence + ".trace.zip");

    private static string Missing(string path) => path + ".missing.txt";

    private async Task KeepEvidenceAsync()
    {
        Directory.CreateDirectory(_evidenceFolder);
        foreach (var (evidence, page) in _pages)
        {
            await KeepAsync(Screenshot(evidence), path => page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true }));
            await KeepAsync(Trace(evidence), path => page.Context.Tracing.StopAsync(new TracingStopOptions { Path = path }));
        }
    }

    /// <summary>The test's own failure matters more than its evidence: a piece that cannot be kept says why, and the rest is still kept.</summary>
    private static async Task KeepAsync(string path, Func<string, Task> keep)
    {
        try
        {
            await keep(path);
        }
        catch (PlaywrightException e)
        {
            await File.WriteAllTextAsync(Missing(path), e.Message);
        }
    }

    private async Task CloseAsync()
    {
        foreach (var (_, page) in _pages)
        {
            await page.Context.CloseAsync();
        }
    }
}
