using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ForumManager.Core.Accounts;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Features.Programme;
using ForumManager.Mail.Tests;
using ForumManager.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Capacity-limited enrolments through the real endpoint (POST /agenda/session/{id}?handler=Enrol, antiforgery token
// and auth cookie included) of the built app run as processes: many delegates at once on sessions with fewer seats
// than takers, first on one instance, then on two sharing the database (requests alternate between them). Prints
// enrolments per minute and the seats overbooked, which must be 0.
// Usage: bench/enrolments.sh [delegates=400] [sessions=25] [seats=150] [concurrent=64] [redis=host:port]
var delegates = Arg(0, 400);
var sessionCount = Arg(1, 25);
var seats = Arg(2, 150);
var concurrent = Arg(3, 64);
var redis = args.Length > 4 ? args[4] : null;
const string Password = "correct horse battery staple";

await using var setup = new EnrolmentsBenchApp(delegates + 40);
_ = setup.Services;
var (sessionIds, people) = await PrepareAsync(setup);
Console.WriteLine($"{people.Count} delegates signed up for {sessionIds.Count} sessions of {seats} seats each ({people.Count * sessionIds.Count} enrolment requests per run)");

var settings = new Dictionary<string, string>
{
    ["ConnectionStrings:Forum"] = $"Data Source={setup.DatabasePath}",
    ["Forum:SeedDemo"] = "false",
    ["Forum:ReminderHour"] = "-1",
    ["Security:AuthPostsPerMinute"] = "100000",
    ["Mail:PickupDirectory"] = setup.MailFolder,
    ["Logging:LogLevel:Default"] = "Warning",
};
if (redis is not null)
{
    settings["Redis:Configuration"] = redis;
}

var one = await RunAsync(1);
var two = await RunAsync(2);
Console.WriteLine($"one instance:  {one.PerMinute,9:N0} enrolments a minute ({one.Requests} in {one.Seconds:F1} s), {one.Enrolled} seated, {one.Waiting} waiting, overbooked {one.Overbooked}");
Console.WriteLine($"two instances: {two.PerMinute,9:N0} enrolments a minute ({two.Requests} in {two.Seconds:F1} s), {two.Enrolled} seated, {two.Waiting} waiting, overbooked {two.Overbooked}");
Console.WriteLine($"ratio two/one: {two.PerMinute / one.PerMinute:F2}");
Console.WriteLine($"goal: at least 30,000 a minute, 0 overbooked: {(one.PerMinute >= 30_000 && one.Overbooked + two.Overbooked == 0 ? "met" : "NOT met")}");
return one.Overbooked + two.Overbooked == 0 ? 0 : 1;

async Task<Result> RunAsync(int instances)
{
    await setup.WithDbAsync(async db =>
    {
        await db.Enrolments.Where(e => sessionIds.Contains(e.SessionId)).ExecuteDeleteAsync();
        return await db.Sessions.Where(s => sessionIds.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.EnrolledCount, 0));
    });
    var apps = new List<(AppProcess Process, Uri Url)>();
    try
    {
        for (var i = 0; i < instances; i++)
        {
            var url = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
            apps.Add((AppProcess.Start(settings, url.ToString().TrimEnd('/')), url));
        }

        foreach (var (process, url) in apps)
        {
            await process.WaitHealthyAsync(url);
        }

        // Each delegate signs in once, on the first instance; the cookie and the form's token serve both.
        var clients = new ConcurrentBag<(HttpClient[] Clients, string Token)>();
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (email, ct) =>
        {
            var cookies = new CookieContainer();
            var own = apps.Select(a => new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = a.Url }).ToArray();
            var login = Token(await own[0].GetStringAsync("/Identity/Account/Login", ct));
            var signedIn = await own[0].PostAsync("/Identity/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = login, ["Input.Email"] = email, ["Input.Password"] = Password,
            }), ct);
            if (signedIn.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"{email} could not sign in: {(int)signedIn.StatusCode}");
            }

            clients.Add((own, Token(await own[0].GetStringAsync($"/agenda/session/{sessionIds[0]}", ct))));
        });

        // Every delegate asks for every session, in an order of their own, many at once.
        var random = new Random(20100622);
        var work = clients.SelectMany(c => sessionIds.Select(s => (c.Clients, c.Token, Session: s))).OrderBy(_ => random.Next()).ToList();
        var failures = 0;
        var next = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = concurrent }, async (item, ct) =>
        {
            var client = item.Clients[Interlocked.Increment(ref next) % item.Clients.Length];
            using var response = await client.PostAsync($"/agenda/session/{item.Session}?handler=Enrol",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = item.Token }), ct);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("/agenda/session/", StringComparison.Ordinal) != true)
            {
                Interlocked.Increment(ref failures);
            }
        });
        watch.Stop();
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} enrolment requests were not answered with the session page.");
        }

        foreach (var (own, _) in clients)
        {
            foreach (var client in own)
            {
                client.Dispose();
            }
        }

        return await setup.WithDbAsync(async db =>
        {
            var counts = await db.Enrolments.Where(e => sessionIds.Contains(e.SessionId)).GroupBy(e => e.SessionId)
                .Select(g => new
                {
                    Seated = g.Count(e => e.Status == EnrolmentStatus.Enrolled),
                    Waiting = g.Count(e => e.Status == EnrolmentStatus.Waitlisted),
                    Counted = db.Sessions.Where(s => s.Id == g.Key).Select(s => s.EnrolledCount).Single(),
                })
                .ToListAsync();
            var overbooked = counts.Sum(c => Math.Max(0, c.Seated - seats) + Math.Abs(c.Seated - c.Counted));
            return new Result(work.Count, watch.Elapsed.TotalSeconds, work.Count / watch.Elapsed.TotalMinutes, counts.Sum(c => c.Seated), counts.Sum(c => c.Waiting), overbooked);
        });
    }
    finally
    {
        foreach (var (process, _) in apps)
        {
            await process.DisposeAsync();
        }
    }
}

async Task<(List<int> Sessions, List<string> People)> PrepareAsync(EnrolmentsBenchApp app)
{
    await using var scope = app.Services.CreateAsyncScope();
    var services = scope.ServiceProvider;
    var db = services.GetRequiredService<ForumDbContext>();
    var forum = await db.Forums.FirstAsync();
    var template = await db.Sessions.AsNoTracking().FirstAsync(s => s.ForumId == forum.Id && s.IsPublic);
    var start = new DateTime(2010, 6, 25, 0, 0, 0, DateTimeKind.Utc);
    var added = Enumerable.Range(0, sessionCount).Select(i => new Session
    {
        ForumId = forum.Id, Type = template.Type, TitleEn = $"Workshop {i + 1}", TitleZh = $"研讨会{i + 1}", RoomId = template.RoomId,
        StartUtc = start.AddHours(i), EndUtc = start.AddHours(i).AddMinutes(50), Capacity = seats, IsPublic = true, UpdatedUtc = start,
    }).ToList();
    db.Sessions.AddRange(added);
    await db.SaveChangesAsync();
    await services.GetRequiredService<ProgrammeReleases>().PublishAsync(forum, "Workshops for the enrolment bench", new Actor("bench", "bench"), CancellationToken.None);

    // Accounts for approved delegates, all with one password hashed once: hashing is the sign-in's cost, not the bench's.
    var users = services.GetRequiredService<UserManager<ForumUser>>();
    var hash = services.GetRequiredService<IPasswordHasher<ForumUser>>().HashPassword(new ForumUser(), Password);
    var chosen = await db.Delegates.Where(d => d.ForumId == forum.Id && d.Status == RegistrationStatus.Approved && d.UserId == null)
        .OrderBy(d => d.Id).Take(delegates).ToListAsync();
    foreach (var person in chosen)
    {
        var email = $"bench-{person.Id}@forum.test";
        var user = new ForumUser { UserName = email, Email = email, EmailConfirmed = true, PasswordHash = hash };
        var made = await users.CreateAsync(user);
        if (!made.Succeeded || !(await users.AddToRoleAsync(user, Roles.Delegate)).Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", made.Errors.Select(e => e.Description)));
        }

        person.UserId = user.Id;
    }

    await db.SaveChangesAsync();
    return (added.Select(s => s.Id).ToList(), chosen.Select(p => $"bench-{p.Id}@forum.test").ToList());
}

static string Token(string page) =>
    Regex.Match(page, """name="__RequestVerificationToken" type="hidden" value="([^"]+)""").Groups[1].Value is { Length: > 0 } token
        ? token
        : throw new InvalidOperationException("No antiforgery token on the page.");

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

internal sealed record Result(int Requests, double Seconds, double PerMinute, int Enrolled, int Waiting, int Overbooked);

internal sealed class EnrolmentsBenchApp(int delegates) : ForumAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Forum:DemoDelegates"] = delegates.ToString(CultureInfo.InvariantCulture),
        ["Forum:ReminderHour"] = "-1",
    };
}
