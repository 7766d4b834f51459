using System.Buffers.Binary;
using System.IO.Compression;
using Microsoft.Playwright;

namespace ForumManager.BrowserTests;

/// <summary>
/// What every browser test gets from its fixture: a failing test leaves its screenshot and trace in the evidence folder
/// and still fails with its own exception; a passing one leaves nothing; no context stays open. Run on Chromium with a
/// folder of their own (the fixture's <see cref="BrowserFixture.RunAsync"/> runs the same <see cref="BrowserSession.RunAsync"/>
/// on its app), so that this deliberate failure's evidence is never mistaken for a real one's.
/// </summary>
public sealed class FailureEvidenceTests : IAsyncLifetime
{
    private const string TallPage = "<main style=\"height: 3000px\"><h1>Registration received</h1></main>";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "forummanager-evidence-tests", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    private Task RunAsync(string testName, Func<BrowserSession, Task> body) =>
        BrowserSession.RunAsync(_browser, "http://127.0.0.1", _folder, testName, body);

    [Fact]
    public async Task Should_keep_a_full_page_screenshot_and_the_trace_of_a_failing_test_and_fail_it_with_its_own_exception()
    {
        var failure = new InvalidOperationException("The status never said approved.");

        var thrown = await Record.ExceptionAsync(() => RunAsync("Should_fail", async session =>
        {
            var page = await session.NewPageAsync();
            await page.SetContentAsync(TallPage);
            throw failure;
        }));

        Assert.Same(failure, thrown);
        Assert.Equal(["Should_fail.png", "Should_fail.trace.zip"], Files());
        var screenshot = await File.ReadAllBytesAsync(Path.Combine(_folder, "Should_fail.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], screenshot[..4]);
        Assert.True(BinaryPrimitives.ReadInt32BigEndian(screenshot.AsSpan(20, 4)) >= 3000, "the screenshot is of the window, not of the whole page");
        Assert.Contains("Registration received", await TraceTextAsync("Should_fail.trace.zip"), StringComparison.Ordinal);
        Assert.Empty(_browser.Contexts);
    }

    [Fact]
    public async Task Should_keep_the_evidence_of_each_page_of_a_failing_session_under_the_pages_name()
    {
        var thrown = await Record.ExceptionAsync(() => RunAsync("Should_fail", async session =>
        {
            var organizer = await session.NewPageAsync("organizer");
            await organizer.SetContentAsync("<h1>Delegates</h1>");
            var head = await session.NewPageAsync("head", locale: "zh-CN");
            await head.SetContentAsync("<h1>我的代表团</h1>");
            await Assertions.Expect(head.Locator("h1")).ToHaveTextAsync("My delegation", new() { Timeout = 500 });
        }));

        Assert.IsAssignableFrom<PlaywrightException>(thrown);
        Assert.Equal(["Should_fail-head.png", "Should_fail-head.trace.zip", "Should_fail-organizer.png", "Should_fail-organizer.trace.zip"], Files());
        Assert.Contains("我的代表团", await TraceTextAsync("Should_fail-head.trace.zip"), StringComparison.Ordinal);
        Assert.DoesNotContain("我的代表团", await TraceTextAsync("Should_fail-organizer.trace.zip"), StringComparison.Ordinal);
        Assert.Empty(_browser.Contexts);
    }

    [Fact]
    public async Task Should_keep_the_trace_and_say_why_the_screenshot_is_missing_when_the_failing_test_closed_its_page()
    {
        var failure = new InvalidOperationException("The badge never opened.");

        var thrown = await Record.ExceptionAsync(() => RunAsync("Should_fail", async session =>
        {
            var page = await session.NewPageAsync();
            await page.SetContentAsync(TallPage);
            await page.CloseAsync();
            throw failure;
        }));

        Assert.Same(failure, thrown);
        Assert.Equal(["Should_fail.png.missing.txt", "Should_fail.trace.zip"], Files());
        Assert.Contains("closed", await File.ReadAllTextAsync(Path.Combine(_folder, "Should_fail.png.missing.txt")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Registration received", await TraceTextAsync("Should_fail.trace.zip"), StringComparison.Ordinal);
        Assert.Empty(_browser.Contexts);
    }

    [Fact]
    public async Task Should_leave_no_files_for_a_passing_test_not_even_those_of_its_earlier_failure()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "Should_pass.png"), "an earlier run's screenshot");
        await File.WriteAllTextAsync(Path.Combine(_folder, "Should_pass.trace.zip"), "an earlier run's trace");

        await RunAsync("Should_pass", async session =>
        {
            var page = await session.NewPageAsync();
            await page.SetContentAsync(TallPage);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Registration received");
        });

        Assert.Empty(Files());
        Assert.Empty(_browser.Contexts);
    }

    private string[] Files() =>
        Directory.Exists(_folder) ? [.. Directory.GetFiles(_folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)] : [];

    /// <summary>Everything the trace recorded (actions, DOM snapshots), as text.</summary>
    private async Task<string> TraceTextAsync(string file)
    {
        using var zip = await ZipFile.OpenReadAsync(Path.Combine(_folder, file));
        var text = new System.Text.StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".trace", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(await entry.OpenAsync());
            text.Append(await reader.ReadToEndAsync());
        }

        return text.ToString();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
