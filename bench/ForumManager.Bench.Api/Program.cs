using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using ForumManager.Mail.Tests;
using ForumManager.Testing;
using ForumManager.Web.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

// The delegates list over the API at scale: the demo forum seeded with N delegates by the app's own seed-demo verb,
// then /api/v1/delegates paged through with limit 100, one request after another, timing each page; and, as the
// baseline in the same run, a static file of the same bytes as one page served by the same app. Prints p50 and p95
// per page for both and their ratio.
// Usage: bench/api.sh [delegates=20000] [limit=100] [rounds=3]
// The calls carry a real token (an ApiToken row made here, sent as Authorization: Bearer), so the token scheme, its
// scope policy, the rate limit and the use log are all in what is measured.
var delegates = Arg(0, 20_000);
var limit = Arg(1, 100);
var rounds = Math.Max(2, Arg(2, 3));
var folder = Path.Combine(Path.GetTempPath(), "forummanager-bench-api", Guid.NewGuid().ToString("N"));
var webRoot = Path.Combine(folder, "wwwroot");
Directory.CreateDirectory(webRoot);
try
{
    var database = Path.Combine(folder, "forum.db");
    var clock = Stopwatch.StartNew();
    var (exit, output) = await AppProcess.RunVerbAsync(new Dictionary<string, string>
    {
        ["ConnectionStrings:Forum"] = $"Data Source={database}",
        ["Mail:PickupDirectory"] = Path.Combine(folder, "mail"),
        ["Logging:LogLevel:Default"] = "Warning",
    }, ["seed-demo", "--delegates", delegates.ToString(CultureInfo.InvariantCulture)]);
    if (exit != 0)
    {
        Console.Error.WriteLine(output);
        return 1;
    }

    Console.WriteLine($"seed-demo --delegates {delegates}: {clock.Elapsed.TotalSeconds:F0} s");
    await using var app = new ApiBenchApp(database, webRoot);
    var address = app.StartKestrel();
    var forumId = await app.WithDbAsync(db => db.Forums.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync());
    using var client = new HttpClient { BaseAddress = new Uri(address) };
    client.DefaultRequestHeaders.Authorization = new("Bearer", await app.WithDbAsync(db => ApiBenchApp.MakeTokenAsync(db, forumId)));

    var pages = new List<double>();
    byte[] sample = [];
    var count = 0;
    for (var round = 0; round < rounds; round++)
    {
        // The first round warms the JIT and the database's pages and is not counted.
        string? cursor = null;
        count = 0;
        do
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync($"/api/v1/delegates?limit={limit}" + (cursor is null ? "" : "&cursor=" + cursor));
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
                return 1;
            }

            using var page = JsonDocument.Parse(body);
            count += page.RootElement.GetProperty("items").GetArrayLength();
            cursor = page.RootElement.GetProperty("next").GetString();
            if (round > 0)
            {
                pages.Add(elapsed);
            }

            if (sample.Length == 0)
            {
                sample = body;
            }
        }
        while (cursor is not null);
    }

    await File.WriteAllBytesAsync(Path.Combine(webRoot, "page.json"), sample);
    var statics = new List<double>();
    for (var i = 0; i < pages.Count + 50; i++)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync("/page.json");
        var body = await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode || body.Length != sample.Length)
        {
            Console.Error.WriteLine($"the static file answered {(int)response.StatusCode} with {body.Length} bytes");
            return 1;
        }

        if (i >= 50)
        {
            statics.Add(elapsed);
        }
    }

    var (p50, p95) = (Percentile(pages, 50), Percentile(pages, 95));
    var (s50, s95) = (Percentile(statics, 50), Percentile(statics, 95));
    Console.WriteLine($"{count} delegates in pages of {limit} ({sample.Length / 1024.0:F1} KB a page), {pages.Count} pages timed over {rounds - 1} rounds, one request at a time");
    Console.WriteLine($"api page:    p50 {p50,7:F2} ms   p95 {p95,7:F2} ms");
    Console.WriteLine($"static file: p50 {s50,7:F2} ms   p95 {s95,7:F2} ms   (the same bytes, same app)");
    Console.WriteLine($"ratio api/static: p50 {p50 / s50:F1}   p95 {p95 / s95:F1}");
    return 0;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
        // Left to the system's temporary folder cleaning.
    }
}

static double Percentile(List<double> values, int percent)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

int Arg(int index, int fallback) => args.Length > index && int.TryParse(args[index], CultureInfo.InvariantCulture, out var value) ? value : fallback;

/// <summary>The app on the seeded database, serving its static files from a folder of the bench's own.</summary>
internal sealed class ApiBenchApp(string database, string webRoot) : ApiAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Forum"] = $"Data Source={database}",
        ["Forum:SeedDemo"] = "false",
        ["Forum:ReminderHour"] = "-1",

        // Every page of every round, one after another, is more than a partner's default minute allows.
        ["Api:RequestsPerMinute"] = "1000000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseWebRoot(webRoot);
    }

    /// <summary>A token as the admin page makes one, reading delegates only, added to the bench's database.</summary>
    public static async Task<string> MakeTokenAsync(ForumDbContext db, int forumId)
    {
        var (row, token) = ApiTestAuth.NewToken(forumId, "bench", [ApiScopes.DelegatesRead]);
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync();
        return token;
    }
}
