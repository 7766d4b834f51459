using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumManager.Core.Accounts;
using ForumManager.Core.Accreditation;
using ForumManager.Core.Delegates;
using ForumManager.Core.Mail;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests;

/// <summary>What the in-memory exporters received, added to and read from under one lock (the app exports from its own threads).</summary>
public sealed class Received<T> : Collection<T>
{
    public IReadOnlyList<T> Snapshot()
    {
        lock (Items)
        {
            return [.. Items];
        }
    }

    public void Empty()
    {
        lock (Items)
        {
            Items.Clear();
        }
    }

    protected override void InsertItem(int index, T item)
    {
        lock (Items)
        {
            base.InsertItem(index, item);
        }
    }
}

/// <summary>The app with OpenTelemetry on and no endpoint: spans and metrics go to in-memory exporters.</summary>
public sealed class TelemetryAppFixture : ForumAppFactory
{
    public Received<Activity> Spans { get; } = new();
    public Received<MetricSnapshot> Readings { get; } = new();

    protected override Action<TracerProviderBuilder> Tracing => tracing => tracing.AddInMemoryExporter(Spans);

    protected override Action<MeterProviderBuilder> Metrics => metrics => metrics.AddInMemoryExporter(Readings);

    /// <summary>The app's counters as they stand now, collected at once rather than at the next minute.</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        Readings.Empty();
        Assert.True(Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));
        return Readings.Snapshot();
    }
}

/// <summary>
/// The app's counters are process-wide (static, as instruments are), and every tracer provider in the process hears every
/// host's requests: these tests run alone, so that what they count and trace is theirs.
/// </summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryAppFixture>;

[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests(TelemetryAppFixture app)
{
    private const string FamilyName = "Quillfeather";
    private const string GivenName = "Ottoline";
    private const string NativeName = "奎羽";
    private const string Passport = "E86429753";

    [Fact]
    public async Task Should_trace_a_registration_as_one_request_with_its_database_commands_and_the_queued_notice_and_nothing_personal()
    {
        var email = $"ottoline-{Guid.NewGuid():N}@city.example.org";
        app.Spans.Empty();

        var response = await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email, v =>
        {
            v[DelegateFields.FamilyName] = FamilyName;
            v[DelegateFields.GivenName] = GivenName;
            v[DelegateFields.NativeName] = NativeName;
            v[DelegateFields.NeedsVisaLetter] = "true";
            v[DelegateFields.PassportNumber] = Passport;
            v[DelegateFields.Nationality] = "NZ";
            v[DelegateFields.DateOfBirth] = "1971-08-02";
            v[DelegateFields.PassportExpiry] = "2031-01-31";
            v[DelegateFields.PassportPlaceOfIssue] = "Wellington";
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The server span ends as the answer leaves, a moment after the client has it.
        var spans = await Eventually.ReadAsync(() => Task.FromResult(app.Spans.Snapshot()),
            s => s.Any(a => a.Kind == ActivityKind.Server && Equals(a.GetTagItem("http.request.method"), "POST") && Equals(a.GetTagItem("url.path"), "/register")));
        var request = Assert.Single(spans, a => a.Kind == ActivityKind.Server && Equals(a.GetTagItem("http.request.method"), "POST") && Equals(a.GetTagItem("url.path"), "/register"));
        var trace = spans.Where(a => a.TraceId == request.TraceId).ToList();
        Assert.Null(request.Parent);
        Assert.Contains(trace, a => a.Source.Name == "OpenTelemetry.Instrumentation.EntityFrameworkCore" && a.Kind == ActivityKind.Client);
        Assert.Contains(trace, a => a.OperationName == "outbox queued" && Equals(a.GetTagItem("forummanager.mail.purpose"), "registration.received"));
        Assert.Contains(trace, a => a.OperationName == "outbox queued" && Equals(a.GetTagItem("forummanager.mail.purpose"), "account.confirm-email"));
        Assert.DoesNotContain(spans, a => a.OperationName == "outbox queued" && a.TraceId != request.TraceId);
        var sent = await Eventually.ReadAsync(() => app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email && m.Status == OutboxStatus.Sent)), n => n == 2);
        Assert.Equal(2, sent);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(app.Spans.Snapshot().Count(a => a.OperationName == "outbox send") >= 2)));

        var everything = app.Spans.Snapshot();
        var texts = everything.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(a.DisplayName)
            .Concat(a.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}"))));
        var personal = new[] { email, FamilyName, GivenName, NativeName, Passport, "1971-08-02", "Wellington" };
        Assert.All(texts, text => Assert.DoesNotContain(personal, p => text.Contains(p, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Should_count_a_check_in_scanned_at_the_desk_a_new_registration_and_the_messages_the_dispatcher_sends()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var person = await DelegateAsync();
        var checkInsBefore = Sum(app.CollectMetrics(), "forummanager.checkins", ("forummanager.checkpoint.kind", "main"));
        var sentBefore = Sum(app.CollectMetrics(), "forummanager.outbox.sent");
        var registeredBefore = Sum(app.CollectMetrics(), "forummanager.registrations.status_changes",
            ("forummanager.registration.from", "New"), ("forummanager.registration.to", "Submitted"));

        var answer = await ScanAsync(staff, person.CheckInToken, "main");
        await ScanAsync(staff, person.CheckInToken, "main");
        var email = $"counted-{Guid.NewGuid():N}@city.example.org";
        Assert.Equal(HttpStatusCode.Redirect, (await RegistrationForm.SubmitAsync(Clients.Anonymous(app), email)).StatusCode);
        Assert.Equal(2, await Eventually.ReadAsync(() => app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email && m.Status == OutboxStatus.Sent)), n => n == 2));

        Assert.Equal("checked-in", answer.GetProperty("result").GetString());
        var metrics = app.CollectMetrics();
        Assert.Equal(checkInsBefore + 1, Sum(metrics, "forummanager.checkins", ("forummanager.checkpoint.kind", "main")));
        Assert.True(Sum(metrics, "forummanager.outbox.sent") >= sentBefore + 2, $"sent {sentBefore} before, {Sum(metrics, "forummanager.outbox.sent")} after");
        Assert.Equal(registeredBefore + 1, Sum(metrics, "forummanager.registrations.status_changes",
            ("forummanager.registration.from", "New"), ("forummanager.registration.to", "Submitted")));
        Assert.Contains(metrics, m => m.Name == "http.server.request.duration");
    }

    [Fact]
    public async Task Should_report_who_is_inside_a_zone_as_its_gauge()
    {
        var staff = await Clients.SignedInAsync(app, Roles.Staff);
        var person = await DelegateAsync();
        var (code, entry) = await OpenZoneAsync();

        Assert.Equal("admitted", (await ScanAsync(staff, person.CheckInToken, entry)).GetProperty("result").GetString());

        // A reading is reused for a few seconds: the gauge is read until it has caught up.
        var inside = await Eventually.ReadAsync(() => Task.FromResult(Gauge(app.CollectMetrics(), code)), n => n == 1, every: TimeSpan.FromSeconds(1));
        Assert.Equal(1, inside);
    }

    private static long Sum(IReadOnlyList<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints)
            .Where(p => tags.All(t => Tags(p).Any(kv => kv.Key == t.Key && Equals(kv.Value, t.Value))))
            .Sum(p => p.GetSumLong());

    private static long? Gauge(IReadOnlyList<MetricSnapshot> metrics, string zoneCode) =>
        metrics.Where(m => m.Name == "forummanager.zone.occupancy").SelectMany(m => m.MetricPoints)
            .Where(p => Tags(p).Any(kv => kv.Key == "forummanager.zone.code" && Equals(kv.Value, zoneCode)))
            .Select(p => (long?)p.GetGaugeLastValueLong()).LastOrDefault();

    private static List<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }

        return tags;
    }

    private Task<Delegate> DelegateAsync() => app.WithDbAsync(async db =>
    {
        var record = new Delegate
        {
            ForumId = await db.Forums.Select(f => f.Id).SingleAsync(),
            FamilyName = "Tanaka", GivenName = "Yui " + Guid.NewGuid().ToString("N")[..6], NativeName = "田中結衣", NativeNameLanguage = "ja",
            CountryCode = "JP", Email = $"tanaka-{Guid.NewGuid():N}@example.org", Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved,
            CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
        db.Delegates.Add(record);
        await db.SaveChangesAsync();
        return record;
    });

    /// <summary>A zone open to delegates at every hour, with an entry door.</summary>
    private Task<(string Code, string Entry)> OpenZoneAsync() => app.WithDbAsync(async db =>
    {
        var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
        var zone = new Zone { ForumId = forumId, Code = "T1", NameEn = "Telemetry room", NameZh = "遥测厅" };
        db.Zones.Add(zone);
        await db.SaveChangesAsync();
        var entry = new ZoneCheckpoint { ForumId = forumId, ZoneId = zone.Id, NameEn = "In", NameZh = "入口", Direction = CheckpointDirection.Entry };
        db.ZoneCheckpoints.Add(entry);
        db.ZoneGrants.Add(new ZoneGrant { ForumId = forumId, ZoneId = zone.Id, Category = DelegateCategory.Delegate });
        await db.SaveChangesAsync();
        return (zone.Code, ZoneCheckpoints.For(entry.Id));
    });

    private static async Task<JsonElement> ScanAsync(HttpClient client, string token, string checkpoint)
    {
        var response = await client.PostAsJsonAsync("/checkin/api/scans", new { token, checkpoint, scanId = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

/// <summary>An instance with no OTLP endpoint collects nothing: no tracer or meter provider, so requests pay nothing for telemetry.</summary>
[Collection(nameof(AppCollection))]
public sealed class TelemetryOffTests(AppFixture app)
{
    [Fact]
    public void Should_collect_nothing_without_an_endpoint()
    {
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }
}

/// <summary>A collector of our own on a loopback port, taking OTLP over HTTP and keeping what each path received.</summary>
public sealed class OtlpReceiverAppFixture : ForumAppFactory
{
    private readonly HttpListener listener = new();
    private readonly Task serving;

    public OtlpReceiverAppFixture()
    {
        var port = LoopbackPorts.Free();
        Endpoint = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(Endpoint + "/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    public Received<(string Path, string ContentType, byte[] Body)> Posts { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["OpenTelemetry:Endpoint"] = Endpoint,
        ["OpenTelemetry:Protocol"] = "http/protobuf",
        ["Forum:DemoDelegates"] = "3",
    };

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Posts.Add((context.Request.Url!.AbsolutePath, context.Request.ContentType ?? string.Empty, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            listener.Close();
            serving.Wait(TimeSpan.FromSeconds(5));
        }
    }
}

public sealed class OtlpExportTests(OtlpReceiverAppFixture app) : IClassFixture<OtlpReceiverAppFixture>
{
    [Fact]
    public async Task Should_send_traces_and_metrics_by_OTLP_to_the_configured_endpoint_under_the_service_name()
    {
        var response = await Clients.Anonymous(app).GetAsync("/register");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        var posts = app.Posts.Snapshot();
        var traces = posts.Where(p => p.Path == "/v1/traces").ToList();
        Assert.NotEmpty(traces);
        Assert.All(traces, t => Assert.Equal("application/x-protobuf", t.ContentType));
        Assert.Contains(traces, t => System.Text.Encoding.UTF8.GetString(t.Body).Contains("forummanager", StringComparison.Ordinal));
        Assert.Contains(posts, p => p.Path == "/v1/metrics" && System.Text.Encoding.UTF8.GetString(p.Body).Contains("http.server.request.duration", StringComparison.Ordinal));
        Assert.DoesNotContain(posts, p => p.Path == "/v1/logs");
    }
}

/// <summary>Telemetry settings that cannot work stop the app at start, naming the key.</summary>
public sealed class TelemetrySettingsTests
{
    private sealed class AppWith(IDictionary<string, string?> settings) : ForumAppFactory
    {
        protected override IDictionary<string, string?> Settings => settings;
    }

    [Theory]
    [InlineData("OpenTelemetry:Endpoint", "collector:4317", "OpenTelemetry:Endpoint has \"collector:4317\", which is not an http or https address")]
    [InlineData("OpenTelemetry:Protocol", "http", "OpenTelemetry:Protocol has \"http\"; it is grpc (the default) or http/protobuf.")]
    [InlineData("OTEL_DOTNET_EXPERIMENTAL_EFCORE_ENABLE_TRACE_DB_QUERY_PARAMETERS", "true", "would put delegates' personal data into traces")]
    public void Should_refuse_to_start_with_telemetry_that_cannot_work_or_would_record_personal_data(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?> { ["OpenTelemetry:Endpoint"] = "http://127.0.0.1:4317", [key] = value };
        using var app = new AppWith(settings);

        var refused = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var messages = new List<string>();
        for (Exception? e = refused; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        Assert.Contains(messages, m => m.Contains(message, StringComparison.Ordinal));
    }
}
