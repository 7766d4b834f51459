using System.Globalization;
using System.Net;
using ForumManager.Core.Notices;
using ForumManager.Testing;
using Xunit.Abstractions;

namespace ForumManager.Web.Tests.Scale;

/// <summary>Requests alternate between two real instances on one database and one Redis, as a load balancer sends them.</summary>
public sealed class TwoInstanceTests(TwoInstances app, ITestOutputHelper output) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task Should_accept_on_one_instance_the_sign_in_made_on_the_other()
    {
        using var anonymousB = app.Client(app.UrlB, new CookieContainer());
        Assert.Equal(HttpStatusCode.Redirect, (await anonymousB.GetAsync("/admin")).StatusCode);

        var onA = await app.OrganizerA.GetAsync("/admin");
        var onB = await app.OrganizerB.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        Assert.True(onB.StatusCode == HttpStatusCode.OK, $"B answered {(int)onB.StatusCode} to the cookie A gave");
    }

    [Fact]
    public async Task Should_show_a_release_made_on_one_instance_on_the_others_agenda_at_once()
    {
        using var visitorA = app.Client(app.UrlA, new CookieContainer());
        using var visitorB = app.Client(app.UrlB, new CookieContainer());
        var title = "Green development of sister cities " + Guid.NewGuid().ToString("N")[..6];
        // Both instances have the agenda cached before the change.
        Assert.DoesNotContain(title, await visitorA.GetStringAsync("/agenda"));
        Assert.DoesNotContain(title, await visitorB.GetStringAsync("/agenda"));
        Assert.DoesNotContain(title, await visitorB.GetStringAsync("/agenda"));
        await app.ExecuteAsync($"UPDATE Sessions SET TitleEn = '{title}' WHERE Id = (SELECT MIN(Id) FROM Sessions WHERE IsPublic = 1)");
        Assert.DoesNotContain(title, await visitorB.GetStringAsync("/agenda"));

        var released = await ReleaseForm.SubmitAsync(app.OrganizerA, "Renamed a forum " + title);

        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.Contains(title, await visitorB.GetStringAsync("/agenda"));
        Assert.Contains(title, await visitorA.GetStringAsync("/agenda"));
    }

    [Fact]
    public async Task Should_count_sign_in_posts_spread_over_both_instances_against_one_limit()
    {
        // A client address of its own (another loopback address), and a fresh minute: the limit counts per address and minute.
        var from = IPAddress.Parse("127.0.0.23");
        var now = DateTime.UtcNow;
        if (now.Second >= 45)
        {
            await Task.Delay(TimeSpan.FromSeconds(61 - now.Second));
        }

        using var clientA = app.Client(app.UrlA, new CookieContainer(), from);
        using var clientB = app.Client(app.UrlB, new CookieContainer(), from);
        var answers = new List<(string Instance, HttpStatusCode Status)>();
        for (var i = 0; i < TwoInstances.SignInPostsPerMinute * 2 + 2; i++)
        {
            var (name, client) = i % 2 == 0 ? ("A", clientA) : ("B", clientB);
            var response = await SignInForm.SubmitAsync(client, "nobody@city.example.org", "not the password");
            answers.Add((name, response.StatusCode));
        }

        output.WriteLine(string.Join(", ", answers.Select(a => $"{a.Instance}:{(int)a.Status}")));
        var accepted = answers.TakeWhile(a => a.Status != HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(TwoInstances.SignInPostsPerMinute, accepted.Count);
        Assert.All(answers.Skip(accepted.Count), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.Status));
        Assert.Contains(answers.Skip(accepted.Count), a => a.Instance == "A");
        Assert.Contains(answers.Skip(accepted.Count), a => a.Instance == "B");
    }

    [Fact]
    public async Task Should_count_a_token_s_calls_spread_over_both_instances_against_one_limit()
    {
        // A token written as the shared decisions allow (prefix and SHA-256), and a fresh minute: the window is the minute.
        var token = "fmk_twoinst1_" + Guid.NewGuid().ToString("N");
        var hash = Features.Integrations.ApiTokenIssuer.Hash(token);
        await app.ExecuteAsync("INSERT INTO ApiTokens (ForumId, Name, Scopes, Prefix, SecretHash, CreatedUtc, CreatedByName, ExpiresUtc) "
            + $"SELECT MIN(Id), 'Two instances', 'programme:read', '{token[..12]}', '{hash}', '2026-01-01 00:00:00', 'test', '2099-01-01 00:00:00' FROM Forums");
        using var clientA = app.Client(app.UrlA, new CookieContainer());
        using var clientB = app.Client(app.UrlB, new CookieContainer());
        var document = System.Text.Json.Nodes.JsonNode.Parse(await clientA.GetStringAsync("/api/v1/openapi.json"))!;
        var path = document["paths"]!.AsObject()
            .First(p => !p.Key.Contains('{', StringComparison.Ordinal) && p.Value!["get"]?["x-required-scope"]?.GetValue<string>() == "programme:read").Key;
        var now = DateTime.UtcNow;
        if (now.Second >= 45)
        {
            await Task.Delay(TimeSpan.FromSeconds(61 - now.Second));
        }

        var answers = new List<(string Instance, HttpStatusCode Status)>();
        for (var i = 0; i < TwoInstances.ApiRequestsPerMinute * 2 + 2; i++)
        {
            var (name, client) = i % 2 == 0 ? ("A", clientA) : ("B", clientB);
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            answers.Add((name, (await client.SendAsync(request)).StatusCode));
        }

        output.WriteLine(string.Join(", ", answers.Select(a => $"{a.Instance}:{(int)a.Status}")));
        var accepted = answers.TakeWhile(a => a.Status != HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(TwoInstances.ApiRequestsPerMinute, accepted.Count);
        Assert.All(accepted, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers.Skip(accepted.Count), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.Status));
        Assert.Contains(answers.Skip(accepted.Count), a => a.Instance == "A");
        Assert.Contains(answers.Skip(accepted.Count), a => a.Instance == "B");
    }

    [Fact]
    public async Task Should_send_a_notice_to_1000_and_the_day_before_reminder_once_each_through_both_dispatchers()
    {
        var subject = "Two instances, one notice " + Guid.NewGuid().ToString("N")[..6];
        var sent = await NoticeSendForm.SendAsync(app.OrganizerA, new Dictionary<string, string>
        {
            [NoticeSendForm.Status] = "", [NoticeSendForm.Kind] = nameof(NoticeKind.FreeForm),
            [NoticeSendForm.SubjectEn] = subject, [NoticeSendForm.BodyEn] = "Dear {{ delegate.name }}, the shuttle leaves at 8:00.",
            [NoticeSendForm.SubjectZh] = subject, [NoticeSendForm.BodyZh] = "尊敬的{{ delegate.name }}：班车8:00出发。",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var everyone = await app.ScalarAsync("SELECT COUNT(*) FROM Delegates");
        var approved = await app.ScalarAsync("SELECT COUNT(*) FROM Delegates WHERE Status = 'Approved'");
        Assert.True(everyone >= TwoInstances.Delegates, $"{everyone} delegates");
        var expected = (int)(everyone + approved);
        var received = await app.Smtp.WaitForAsync(expected, TimeSpan.FromMinutes(4));
        // Time for a late second copy to show up before counting.
        await Task.Delay(TimeSpan.FromSeconds(3));
        received = app.Smtp.Received;

        var notices = received.Where(m => m.Subject == subject).ToList();
        var reminders = received.Where(m => m.Subject != subject).ToList();
        output.WriteLine($"{notices.Count} notices for {everyone} delegates, {reminders.Count} reminders for {approved} approved");
        Assert.Equal(everyone, notices.Select(m => m.To.ToString()).Distinct().Count());
        Assert.Equal(everyone, notices.Count);
        Assert.Equal(approved, reminders.Select(m => m.To.ToString()).Distinct().Count());
        Assert.Equal(approved, reminders.Count);
        Assert.Equal(1, await app.ScalarAsync($"SELECT COUNT(*) FROM NoticeBatches WHERE ReminderFor IS NOT NULL"));
        var sentBy = await app.ScalarAsync("SELECT COUNT(DISTINCT ClaimedBy) FROM OutboxMessages WHERE Status = 'Sent'");
        output.WriteLine($"sent under {sentBy} claims");
    }

    [Fact]
    public async Task Should_follow_and_download_on_one_instance_a_badge_batch_started_on_the_other_which_it_finishes_when_that_one_is_killed()
    {
        // Mail still going out would be sent again by the instance that takes it over: the batch starts once it is all out.
        await Eventually.ReadAsync(() => app.ScalarAsync("SELECT COUNT(*) FROM OutboxMessages WHERE Status = 'Queued'"), queued => queued == 0,
            TimeSpan.FromMinutes(4), TimeSpan.FromMilliseconds(500));
        var approved = await app.ScalarAsync("SELECT COUNT(*) FROM Delegates WHERE Status = 'Approved'");
        var started = await HtmlForms.SubmitAsync(app.OrganizerA, "/admin/badges?Status=Approved", new Dictionary<string, string> { ["Layout"] = "A6" },
            "form[action*='handler=Print']");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var batch = started.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/badges/batch/", batch, StringComparison.Ordinal);
        var id = batch["/admin/badges/batch/".Length..];

        // B shows the bar of a batch that A is making.
        var page = await app.OrganizerB.GetAsync(batch);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var drawing = await Eventually.ReadAsync(() => StatusAsync(app.OrganizerB, batch), s => s.Done > 0, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));
        Assert.Equal(approved, drawing.Total);
        var firstClaim = await app.TextAsync($"SELECT ClaimedBy FROM BadgeBatchJobs WHERE lower(Id) = lower('{id}')");
        Assert.Equal(HttpStatusCode.NotFound, (await app.OrganizerB.GetAsync(batch + "?handler=Download")).StatusCode);

        // A dies in the middle; B takes the batch over once A's claim has run out, and finishes it.
        await app.A.KillAsync();
        try
        {
            await FinishedOnBAsync(batch, id, approved, drawing, firstClaim);
        }
        finally
        {
            await app.RestartAAsync();
        }
    }

    private async Task FinishedOnBAsync(string batch, string id, long approved, (long Done, long Total, string State) drawing, string firstClaim)
    {
        var done = await Eventually.ReadAsync(() => StatusAsync(app.OrganizerB, batch), s => s.State is "done" or "failed", TimeSpan.FromSeconds(180), TimeSpan.FromMilliseconds(250));
        output.WriteLine($"drawn {drawing.Done} of {drawing.Total} when A was killed; then {done.State}");
        Assert.Equal(("done", approved), (done.State, (long)done.Done));
        Assert.NotEqual(firstClaim, await app.TextAsync($"SELECT ClaimedBy FROM BadgeBatchJobs WHERE lower(Id) = lower('{id}')"));
        Assert.Equal(2, await app.ScalarAsync($"SELECT Attempts FROM BadgeBatchJobs WHERE lower(Id) = lower('{id}')"));

        var download = await app.OrganizerB.GetAsync(batch + "?handler=Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var file = await PdfReadBack.SaveAsync(await download.Content.ReadAsByteArrayAsync(), "two-instances-badges");
        await PdfReadBack.AssertValidAsync(file);
        var text = await PdfReadBack.TextAsync(file);
        var reference = await app.TextAsync("SELECT Reference FROM Delegates WHERE Status = 'Approved' ORDER BY Id DESC LIMIT 1");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape(reference)));
        // Each badge is logged as printed once, although A had drawn some before it died.
        Assert.Equal(0, await app.ScalarAsync("SELECT COUNT(*) FROM (SELECT DelegateId FROM BadgePrints GROUP BY DelegateId HAVING COUNT(*) > 1)"));
    }

    private static async Task<(long Done, long Total, string State)> StatusAsync(HttpClient client, string batch)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(batch + "?handler=Status"));
        return (json.RootElement.GetProperty("done").GetInt64(), json.RootElement.GetProperty("total").GetInt64(), json.RootElement.GetProperty("state").GetString()!);
    }

    [Fact]
    public async Task Should_keep_serving_while_redis_is_away_and_say_so_on_health()
    {
        using var visitorB = app.Client(app.UrlB, new CookieContainer());
        Assert.Contains("\"Healthy\"", await app.HealthAsync(app.OrganizerA), StringComparison.Ordinal);
        await app.StopRedisAsync();
        try
        {
            var degraded = await Eventually.ReadAsync(() => app.HealthAsync(app.OrganizerA), h => h.Contains("Redis cannot be reached", StringComparison.Ordinal),
                TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(200));
            Assert.Contains("Redis cannot be reached", degraded, StringComparison.Ordinal);
            Assert.Contains("\"status\": \"Degraded\"", degraded, StringComparison.Ordinal);

            // Pages, the cached agenda, the signed-in organizer and the sign-in limit all go on, each instance on its own.
            Assert.Equal(HttpStatusCode.OK, (await visitorB.GetAsync("/agenda")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await visitorB.GetAsync("/agenda")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await app.OrganizerB.GetAsync("/admin")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await app.OrganizerA.GetAsync("/admin/programme")).StatusCode);
            using var signIn = app.Client(app.UrlA, new CookieContainer(), IPAddress.Parse("127.0.0.24"));
            Assert.Equal(HttpStatusCode.OK, (await SignInForm.SubmitAsync(signIn, "nobody@city.example.org", "not the password")).StatusCode);
            Assert.Contains("\"Degraded\"", await (await visitorB.GetAsync("/health")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            app.StartRedis();
        }

        var back = await Eventually.ReadAsync(() => app.HealthAsync(app.OrganizerB), h => !h.Contains("Redis cannot be reached", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250));
        Assert.DoesNotContain("Redis cannot be reached", back, StringComparison.Ordinal);
        Assert.Contains("caches, rate limits and live counts are shared", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_push_a_check_in_made_on_one_instance_to_a_desk_watching_the_other()
    {
        // The desk on B listens to its live counts; a delegate is checked in through A.
        using var stream = await app.OrganizerB.GetStreamAsync("/checkin/api/live");
        using var reader = new StreamReader(stream);
        var first = await EventStreams.NextAsync(reader);
        var before = CheckedIn(first);

        var delegateId = await app.ScalarAsync("SELECT MIN(d.Id) FROM Delegates d WHERE d.Status = 'Approved' AND NOT EXISTS (SELECT 1 FROM CheckIns c WHERE c.DelegateId = d.Id)");
        var email = await app.TextAsync($"SELECT Email FROM Delegates WHERE Id = {delegateId}");
        var url = "/checkin?q=" + Uri.EscapeDataString(email);
        var desk = await HtmlForms.GetPageAsync(app.OrganizerA, url);
        var checkedIn = await HtmlForms.SubmitAsync(app.OrganizerA, desk, url, new Dictionary<string, string>(), $"form[action*='handler=CheckIn'][action*='id={delegateId}']");
        Assert.Equal(HttpStatusCode.Redirect, checkedIn.StatusCode);

        var next = await EventStreams.NextAsync(reader).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(before + 1, CheckedIn(next));
    }

    private static int CheckedIn(System.Text.Json.JsonElement figures) => figures.GetProperty("checkedIn").GetInt32();
}
