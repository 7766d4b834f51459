using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using ForumManager.Features.CheckIns;
using ForumManager.Features.Webhooks;
using ForumManager.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Delegate = ForumManager.Core.Delegates.Delegate;

// N check-ins (default 5,000) through the desk's use case, each writing its checkin.created event in its own save,
// then fanned out to one endpoint and posted, signed, by the app's dispatcher to a receiver on loopback (Kestrel, in
// this process). Printed: the check-ins' rate with the webhook events and without them (the same app with no save
// companion), the deliveries per second from the first fan-out to the last answer, and as the baseline, measured in
// the same run, the receiver's own rate for the same number of plain POSTs of the same bodies from one HttpClient with
// the dispatcher's concurrency; and the ratio.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
const int Concurrency = 16;

await using var receiver = await Receiver.StartAsync();

// The check-in path with and without webhook events, both apps warmed up first, then timed in turns.
const int Warmup = 300;
await using var plain = new WebhookBenchApp(companion: false);
await using var app = new WebhookBenchApp(companion: true);
var (plainForum, plainPeople) = await DelegatesAsync(plain, count + Warmup);
var (forum, delegates) = await DelegatesAsync(app, count + Warmup);
var secret = await EndpointAsync(app, forum, receiver.Url);
var dispatcher = app.Services.GetRequiredService<WebhookDispatcher>();
await dispatcher.RunOnceAsync(CancellationToken.None); // the delegates' own registration.created events, to nobody
await dispatcher.StopAsync(CancellationToken.None);
await CheckInAllAsync(plain, plainForum, plainPeople[..Warmup]);
await CheckInAllAsync(app, forum, delegates[..Warmup]);
var half = count / 2;
var withoutTime = await CheckInAllAsync(plain, plainForum, plainPeople[Warmup..(Warmup + half)]);
var withTime = await CheckInAllAsync(app, forum, delegates[Warmup..(Warmup + half)]);
withTime += await CheckInAllAsync(app, forum, delegates[(Warmup + half)..]);
withoutTime += await CheckInAllAsync(plain, plainForum, plainPeople[(Warmup + half)..]);
var withoutRate = count / withoutTime;
var withRate = count / withTime;
await using (var scope = app.Services.CreateAsyncScope())
{
    // Only the timed check-ins' events are delivered and counted.
    var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
    await db.WebhookEvents.Where(e => e.Type == WebhookEvents.CheckInMade).OrderBy(e => e.Id).Take(Warmup).ExecuteDeleteAsync();
}

var events = await app.WithDbAsync(db => db.WebhookEvents.CountAsync(e => e.Type == WebhookEvents.CheckInMade));


receiver.Reset();
var delivering = Stopwatch.StartNew();
await dispatcher.StartAsync(CancellationToken.None);
while (receiver.Unique < count && delivering.Elapsed < TimeSpan.FromMinutes(10))
{
    await Task.Delay(20);
}

delivering.Stop();
await dispatcher.StopAsync(CancellationToken.None);
var delivered = receiver.Unique;
var posts = receiver.Posts;
var deliveriesPerSecond = delivered / delivering.Elapsed.TotalSeconds;

// The baseline: the same bodies, plain POSTs from one HttpClient, as many at once as the dispatcher sends.
var bodies = await app.WithDbAsync(db => db.WebhookDeliveries.AsNoTracking().Select(d => d.Payload).ToListAsync());
receiver.Reset();
using var client = new HttpClient();
var baseline = Stopwatch.StartNew();
await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (body, ct) =>
{
    using var content = new StringContent(body, Encoding.UTF8, "application/json");
    using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = content };
    request.Headers.Add("webhook-id", "plain_" + Guid.NewGuid().ToString("N"));
    using var response = await client.SendAsync(request, ct);
    response.EnsureSuccessStatusCode();
});
baseline.Stop();
var plainPerSecond = bodies.Count / baseline.Elapsed.TotalSeconds;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    check-ins through the desk's use case: {count}
      without webhook events: {withoutRate,8:F0} a second
      with webhook events:    {withRate,8:F0} a second ({withRate / withoutRate:P0} of the rate without; {events} events written)
    deliveries: {delivered} of {count} messages ({posts} POSTs received, {posts - delivered} twice) in {delivering.Elapsed.TotalSeconds:F1} s
      fan-out, signing and posting: {deliveriesPerSecond,8:F0} deliveries a second
      baseline, plain POSTs from one HttpClient ({Concurrency} at once): {plainPerSecond,8:F0} a second
      ratio: {deliveriesPerSecond / plainPerSecond:F2}
    """));
_ = secret;
return delivered == count && posts == delivered ? 0 : 1;

static async Task<(int ForumId, List<int> People)> DelegatesAsync(ForumAppFactory app, int count)
{
    var forumId = await app.WithDbAsync(db => db.Forums.Select(f => f.Id).SingleAsync());
    await app.WithDbAsync(async db =>
    {
        db.Delegates.AddRange(Enumerable.Range(0, count).Select(i => new Delegate
        {
            ForumId = forumId, FamilyName = "Bench", GivenName = $"Arrival {i}", CountryCode = "FR", Email = $"arrival-{i}@bench.example.org",
            Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        }));
        return await db.SaveChangesAsync();
    });
    var people = await app.WithDbAsync(db => db.Delegates.Where(d => d.Email.EndsWith("@bench.example.org")).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync());
    return (forumId, people);
}

static async Task<double> CheckInAllAsync(ForumAppFactory app, int forumId, List<int> people)
{
    // Four desks at once, each check-in in its own scope as one request would be.
    var clock = Stopwatch.StartNew();
    await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, ct) =>
    {
        await using var scope = app.Services.CreateAsyncScope();
        var answer = await scope.ServiceProvider.GetRequiredService<CheckInDesk>().CheckInAsync(forumId, id, Checkpoints.Main, Guid.NewGuid().ToString(), "bench desk", ct);
        if (answer.Result != "checked-in")
        {
            throw new InvalidOperationException($"Delegate {id}: {answer.Result}");
        }
    });
    return clock.Elapsed.TotalSeconds;
}

static async Task<string> EndpointAsync(ForumAppFactory app, int forumId, string url)
{
    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
    var secret = WebhookSignature.NewSecret();
    db.WebhookEndpoints.Add(new WebhookEndpoint
    {
        ForumId = forumId, Url = url, Events = WebhookEvents.CheckInMade, AllowPrivateNetwork = true,
        SecretProtected = scope.ServiceProvider.GetRequiredService<WebhookSecrets>().Protect(secret),
        CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow, CreatedByName = "bench",
    });
    await db.SaveChangesAsync();
    return secret;
}

/// <summary>The app with its dispatcher's defaults, with or without the webhook events' save companion.</summary>
internal sealed class WebhookBenchApp(bool companion) : ForumAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Forum:DemoDelegates"] = "24" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (!companion)
        {
            builder.ConfigureTestServices(services => services.RemoveAll<ISaveCompanion>());
        }
    }
}

/// <summary>A receiving system on Kestrel on a loopback port: counts POSTs and distinct webhook-ids, answers 204.</summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private ConcurrentDictionary<string, byte> _ids = new();
    private int _posts;

    private Receiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }
    public int Unique => _ids.Count;
    public int Posts => Volatile.Read(ref _posts);

    public void Reset()
    {
        _ids = new ConcurrentDictionary<string, byte>();
        Volatile.Write(ref _posts, 0);
    }

    public static async Task<Receiver> StartAsync()
    {
        var port = LoopbackPorts.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new Receiver(app, $"http://127.0.0.1:{port}/hooks");
        app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            await reader.ReadToEndAsync();
            Interlocked.Increment(ref receiver._posts);
            receiver._ids.TryAdd(context.Request.Headers["webhook-id"].ToString(), 0);
            return Results.NoContent();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
