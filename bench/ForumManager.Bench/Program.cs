using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using ForumManager.Data;
using ForumManager.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Registrations per second through the real form over HTTP, next to what password hashing alone allows on the same
// machine in the same run: each new account costs one PBKDF2 hash, which sets the ceiling.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 400;
var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Environment.ProcessorCount * 2;

await using var app = new BenchApp();
var baseUrl = app.StartKestrel();
await app.WithDbAsync(db => db.Forums.ExecuteUpdateAsync(s => s.SetProperty(f => f.Capacity, (int?)null)));

var hasher = app.Services.GetRequiredService<IPasswordHasher<ForumUser>>();
var hashes = Math.Max(50, count / 4);
var hashWatch = Stopwatch.StartNew();
await Parallel.ForAsync(0, hashes, new ParallelOptions { MaxDegreeOfParallelism = workers }, (i, _) =>
{
    hasher.HashPassword(new ForumUser(), "correct horse battery " + i);
    return ValueTask.CompletedTask;
});
var hashesPerSecond = hashes / hashWatch.Elapsed.TotalSeconds;

var parser = new HtmlParser();
async Task<HttpClient> OpenFormAsync()
{
    var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };
    return client;
}

async Task RegisterAsync(HttpClient client, int i)
{
    var page = parser.ParseDocument(await client.GetStringAsync("/register"));
    var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    var response = await client.PostAsync("/register", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["Input.Honorific"] = "Ms",
        ["Input.FamilyName"] = "Tanaka",
        ["Input.GivenName"] = "Yuki",
        ["Input.NativeName"] = "田中由紀",
        ["Input.Email"] = $"bench-{i}-{Guid.NewGuid():N}@city.example.org",
        ["Input.Phone"] = "+81 96 328 2111",
        ["Input.CountryCode"] = "JP",
        ["Input.PreferredLanguage"] = "en",
        ["Input.Password"] = "correct horse battery",
        ["Input.ConfirmPassword"] = "correct horse battery",
        ["Input.Consent"] = "true",
    }));
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"Registration {i} answered {(int)response.StatusCode}");
    }
}

// A short warm-up so that JIT compilation is not measured.
using (var warm = await OpenFormAsync())
{
    for (var i = 0; i < 10; i++)
    {
        await RegisterAsync(warm, -i - 1);
    }
}

var next = -1;
var watch = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
{
    using var client = await OpenFormAsync();
    int i;
    while ((i = Interlocked.Increment(ref next)) < count)
    {
        await RegisterAsync(client, i);
    }
}));
var registrationsPerSecond = count / watch.Elapsed.TotalSeconds;

Console.WriteLine($"password hashing alone:   {hashesPerSecond,8:F1} hashes/s ({hashes} hashes, {workers} in parallel)");
Console.WriteLine($"registrations via form:   {registrationsPerSecond,8:F1} registrations/s ({count} over HTTP, {workers} at once)");
Console.WriteLine($"ratio registrations/hash: {registrationsPerSecond / hashesPerSecond,8:F2}");

/// <summary>The app as the tests run it, with mail to a pickup folder and no rate limit in the way.</summary>
internal sealed class BenchApp : ForumAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Forum:DemoDelegates"] = "220",
    };
}
