using System.Diagnostics;
using System.Text.Json;

namespace ForumManager.Features.Tests.Protocol;

public sealed record IcalJsEvent(string? Uid, int? Sequence, string? Start, string? End, string? Summary, string? Location, string? Organizer,
    IReadOnlyList<string> Attendees, string? Status);

public sealed record IcalJsReport(bool Parsed, string? Method, IReadOnlyList<IcalJsEvent> Events, IReadOnlyList<string> Errors);

/// <summary>
/// What ical.js (the parser many web calendars use) makes of calendars: runs the browser tests' checker
/// (tests/ForumManager.BrowserTests/web-checks/ics-check.mjs, ical.js installed there by <c>npm ci</c>) once for all of them.
/// </summary>
public static class IcalJs
{
    public static async Task<IReadOnlyList<IcalJsReport>> CheckAsync(IReadOnlyList<string> calendars)
    {
        var folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "ForumManager.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        Assert.NotNull(folder);
        var checks = Path.Combine(folder!, "tests", "ForumManager.BrowserTests", "web-checks");
        Assert.True(File.Exists(Path.Combine(checks, "node_modules", "ical.js", "package.json")), $"ical.js is not installed: run npm ci in {checks}");
        var start = new ProcessStartInfo("node", [Path.Combine(checks, "ics-check.mjs")])
        {
            WorkingDirectory = checks, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(false), StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(calendars));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ics-check.mjs failed: {await error}");
        return JsonSerializer.Deserialize<List<IcalJsReport>>(await output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
