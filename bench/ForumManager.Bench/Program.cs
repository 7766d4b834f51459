using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime;
using System.Text.RegularExpressions;
using ForumManager.Core.Mail;
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

// The hasher is a scoped service, and the host checks scopes as the tests' hosts do.
await using var hashScope = app.Services.CreateAsyncScope();
var hasher = hashScope.ServiceProvider.GetRequiredService<IPasswordHasher<ForumUser>>();
var hashes = Math.Max(50, count / 4);
// Processor time is counted too: other programs on the machine move it far less than they move the rates, so its
// ratio checks the rates' when the machine is busy.
var process = Process.GetCurrentProcess();
TimeSpan Cpu()
{
    process.Refresh();
    return process.TotalProcessorTime;
}

var hashCpu = TimeSpan.Zero;
async Task<double> HashesPerSecondAsync()
{
    var cpu = Cpu();
    var watch = Stopwatch.StartNew();
    await Parallel.ForAsync(0, hashes, new ParallelOptions { MaxDegreeOfParallelism = workers }, (i, _) =>
    {
        hasher.HashPassword(new ForumUser(), "correct horse battery " + i);
        return ValueTask.CompletedTask;
    });
    hashCpu += Cpu() - cpu;
    return hashes / watch.Elapsed.TotalSeconds;
}

// The token is all the client needs from the page; a browser builds the page on the visitor's machine, so the bench
// does not spend the server's cores building a document model of it.
var tokenField = new Regex("""<input name="__RequestVerificationToken" type="hidden" value="([^"]+)"[^>]*>""", RegexOptions.CultureInvariant);
HttpClient OpenClient() =>
    new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };

async Task RegisterAsync(HttpClient client, int i)
{
    var form = await client.GetAsync("/register");
    var match = tokenField.Match(await form.Content.ReadAsStringAsync());
    if (form.StatusCode != HttpStatusCode.OK || !match.Success)
    {
        throw new InvalidOperationException($"The form for registration {i} answered {(int)form.StatusCode} without its antiforgery token");
    }

    var response = await client.PostAsync("/register", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = match.Groups[1].Value,
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

async Task RegisterManyAsync(int first, int total)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
    {
        using var client = OpenClient();
        int i;
        while ((i = Interlocked.Increment(ref next)) < total)
        {
            await RegisterAsync(client, first + i);
        }
    }));
}

// Every message a registration queued has been written out.
async Task MailSentAsync()
{
    while (await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Queued)))
    {
        await Task.Delay(20);
    }
}

// Warmed up until the JIT has settled, as in a server that has been running for a while: compiling (tier-0 code,
// then its optimised rewrite, which takes several hundred registrations) is not what a registration costs.
var warmRounds = 0;
for (var quiet = 0; quiet < 3 && warmRounds < 60; warmRounds++)
{
    var compiled = JitInfo.GetCompiledMethodCount();
    await RegisterManyAsync(-(warmRounds + 1) * 1000, workers * 5);
    await Task.Delay(200);
    quiet = JitInfo.GetCompiledMethodCount() - compiled < 50 ? quiet + 1 : 0;
}

await MailSentAsync();

// Hashing is measured just before and just after the registrations and the mean is taken, so that a change in what
// else the machine runs meanwhile moves both figures alike.
var hashesBefore = await HashesPerSecondAsync();
var registrationCpu = Cpu();
var registrationWatch = Stopwatch.StartNew();
await RegisterManyAsync(0, count);
await MailSentAsync();
registrationCpu = Cpu() - registrationCpu;
var registrationsPerSecond = count / registrationWatch.Elapsed.TotalSeconds;
var hashesAfter = await HashesPerSecondAsync();
var hashesPerSecond = (hashesBefore + hashesAfter) / 2;

Console.WriteLine($"password hashing alone:   {hashesPerSecond,8:F1} hashes/s ({hashes} hashes, {workers} in parallel, before {hashesBefore:F1}, after {hashesAfter:F1})");
Console.WriteLine($"registrations via form:   {registrationsPerSecond,8:F1} registrations/s ({count} over HTTP, {workers} at once, mail written; after {warmRounds * workers * 5} to warm up)");
Console.WriteLine($"ratio registrations/hash: {registrationsPerSecond / hashesPerSecond,8:F2}");
Console.WriteLine($"processor time:           {registrationCpu.TotalMilliseconds / count,8:F1} ms a registration, {hashCpu.TotalMilliseconds / (2 * hashes),5:F1} ms a hash (ratio {hashCpu.TotalMilliseconds / (2 * hashes) / (registrationCpu.TotalMilliseconds / count):F2})");

/// <summary>The app as the tests run it, with mail to a pickup folder and no rate limit in the way.</summary>
internal sealed class BenchApp : ForumAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Forum:DemoDelegates"] = "220",
    };
}
