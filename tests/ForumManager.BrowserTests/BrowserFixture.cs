using ForumManager.Testing;
using Microsoft.Playwright;

namespace ForumManager.BrowserTests;

/// <summary>The real app on Kestrel on a free loopback port, and Debian's Chromium driven by Playwright (no browser download).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public ForumAppFactory App { get; } = new();
    public string BaseUrl { get; private set; } = string.Empty;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BaseUrl = App.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (scripts/test.sh does it as root).");
        }

        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>Where a failing browser test keeps its screenshot and trace: <c>browser-failures</c> in the test output.</summary>
    public static string EvidenceFolder { get; } = Path.Combine(AppContext.BaseDirectory, "browser-failures");

    /// <summary>Runs a test's browser work on one page; should it fail, the page's screenshot and trace are kept as <paramref name="testName"/>.</summary>
    public Task RunAsync(string testName, Func<IPage, Task> body, string locale = "en-GB") =>
        RunSessionAsync(testName, async session => await body(await session.NewPageAsync(locale: locale)));

    /// <summary>Runs a test's browser work on the pages it opens, such as an organizer's and a delegate's side by side.</summary>
    public Task RunSessionAsync(string testName, Func<BrowserSession, Task> body) =>
        BrowserSession.RunAsync(Browser, BaseUrl, EvidenceFolder, testName, body);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
