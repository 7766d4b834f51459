using System.Net;
using ForumManager.Core.Auditing;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using ForumManager.Features.Webhooks;
using ForumManager.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Features.Tests.Webhooks;

/// <summary>
/// Deliveries to a real receiver on a loopback port that checks signatures with its own code: once each, through a
/// failure and a timeout, by two instances at once; an endpoint failing for a day switched off and its owner told.
/// </summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private readonly FeatureHarness _harness = new();

    public async Task InitializeAsync()
    {
        await _harness.InitializeAsync();
        _harness.Clock.Now = DateTimeOffset.UtcNow;
    }

    public Task DisposeAsync() => _harness.DisposeAsync();

    private void MoveOn(TimeSpan by) => _harness.Clock.Now = _harness.Clock.GetUtcNow() + by;

    [Fact]
    public async Task Should_deliver_once_after_a_500_and_a_timeout_with_the_same_id_and_a_valid_signature_each_time()
    {
        await using var receiver = new WebhookReceiver(() => _harness.Clock.GetUtcNow());
        var (id, secret) = await WebhookTestKit.EndpointAsync(_harness, receiver.Url, events: [WebhookEvents.CheckInMade]);
        receiver.Secret = secret;
        receiver.AnswerNextWith(HttpStatusCode.InternalServerError);
        receiver.StallNext(TimeSpan.FromSeconds(3));
        await WebhookTestKit.EventsAsync(_harness, WebhookEvents.CheckInMade, 1);
        var dispatcher = WebhookTestKit.Instance(_harness);

        await dispatcher.RunOnceAsync(CancellationToken.None);
        var afterFailure = Assert.Single(await WebhookTestKit.DeliveriesAsync(_harness, id));
        await dispatcher.RunOnceAsync(CancellationToken.None);
        var notYetDue = Assert.Single(await WebhookTestKit.DeliveriesAsync(_harness, id));
        MoveOn(TimeSpan.FromSeconds(6));
        await dispatcher.RunOnceAsync(CancellationToken.None);
        var afterTimeout = Assert.Single(await WebhookTestKit.DeliveriesAsync(_harness, id));
        MoveOn(TimeSpan.FromSeconds(31));
        await dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal((500, 1, WebhookDeliveryState.Pending), (afterFailure.LastStatusCode, afterFailure.Attempts, afterFailure.State));
        Assert.Equal(1, notYetDue.Attempts);
        Assert.Contains("No answer within 1 s", afterTimeout.LastError, StringComparison.Ordinal);
        var delivered = Assert.Single(await WebhookTestKit.DeliveriesAsync(_harness, id));
        Assert.Equal((WebhookDeliveryState.Delivered, 3, 204), (delivered.State, delivered.Attempts, delivered.LastStatusCode));
        var message = Assert.Single(receiver.Messages);
        Assert.Equal((delivered.MessageId, 1), (message.Id, message.Times));
        Assert.Equal(WebhookEvents.CheckInMade, message.Type);
        Assert.Equal("ForumManager-Webhooks/1", message.UserAgent);
        Assert.StartsWith("application/json", message.ContentType, StringComparison.Ordinal);
        Assert.Equal(delivered.Payload, message.Body);
        Assert.Empty(receiver.Refused);
        var attempts = await _harness.QueryAsync(db => db.WebhookAttempts.AsNoTracking().Where(a => a.DeliveryId == delivered.Id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([500, null, 204], attempts.Select(a => a.StatusCode));
        Assert.Equal("scripted failure", attempts[0].ResponseExcerpt);
        Assert.Null(await _harness.QueryAsync(db => db.WebhookEndpoints.Where(e => e.Id == id).Select(e => e.FailingSinceUtc).SingleAsync()));
    }

    [Fact]
    public async Task Should_fail_the_deliveries_of_an_http_endpoint_saved_before_https_was_required_with_a_clear_error()
    {
        await using var receiver = new WebhookReceiver(() => _harness.Clock.GetUtcNow());
        var (id, _) = await WebhookTestKit.EndpointAsync(_harness, receiver.Url, events: [WebhookEvents.CheckInMade]);
        Assert.StartsWith("http://", receiver.Url, StringComparison.Ordinal);
        await WebhookTestKit.EventsAsync(_harness, WebhookEvents.CheckInMade, 1);
        var options = new WebhookOptions { TimeoutSeconds = 1, PollSeconds = 0.2, BatchSize = 50, Concurrency = 8, RequireHttps = true };

        await WebhookTestKit.Instance(_harness, options).RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, receiver.Requests);
        var delivery = Assert.Single(await WebhookTestKit.DeliveriesAsync(_harness, id));
        Assert.Equal((WebhookDeliveryState.Pending, 1, null), (delivery.State, delivery.Attempts, delivery.LastStatusCode));
        Assert.Contains("Only https addresses are sent to", delivery.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_send_a_ping_that_names_the_endpoint_and_not_the_admin_who_sent_it()
    {
        var (id, _) = await WebhookTestKit.EndpointAsync(_harness, "https://partner.example.org/hooks", events: [WebhookEvents.CheckInMade]);
        var forum = await _harness.ForumAsync();

        Assert.True(await _harness.RunAsync(services => services.GetRequiredService<WebhookEndpoints>()
            .PingAsync(forum.Id, id, new Actor("admin-1", "secretary@forum.example.org"), CancellationToken.None)));

        var delivery = Assert.Single(await WebhookTestKit.DeliveriesAsync(_harness, id));
        Assert.Equal(WebhookEndpoints.Ping, delivery.EventType);
        Assert.Contains($"\"data\":{{\"endpointId\":{id}}}", delivery.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("secretary", delivery.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_tampered_body_and_a_replayed_timestamp_in_the_receivers_own_check()
    {
        var secret = WebhookSignature.NewSecret();
        var now = DateTimeOffset.UtcNow;
        var timestamp = now.ToUnixTimeSeconds();
        const string body = """{"type":"checkin.created","timestamp":"2026-06-23T01:00:00.000Z","data":{"delegateId":7}}""";
        var signature = WebhookSignature.Sign(secret, "msg_1", timestamp, body);

        Assert.Null(WebhookReceiver.Verify(secret, "msg_1", $"{timestamp}", signature, body, now));
        Assert.Equal("bad signature", WebhookReceiver.Verify(secret, "msg_1", $"{timestamp}", signature, body.Replace("7", "8", StringComparison.Ordinal), now));
        Assert.Equal("bad signature", WebhookReceiver.Verify(secret, "msg_2", $"{timestamp}", signature, body, now));
        Assert.Equal("bad signature", WebhookReceiver.Verify(WebhookSignature.NewSecret(), "msg_1", $"{timestamp}", signature, body, now));
        Assert.Equal("timestamp outside tolerance", WebhookReceiver.Verify(secret, "msg_1", $"{timestamp}", signature, body, now.AddMinutes(6)));
    }

    [Fact]
    public async Task Should_deliver_each_message_once_when_two_instances_dispatch_from_one_database()
    {
        await using var receiver = new WebhookReceiver(() => _harness.Clock.GetUtcNow());
        var (id, secret) = await WebhookTestKit.EndpointAsync(_harness, receiver.Url, events: [WebhookEvents.CheckInMade]);
        receiver.Secret = secret;
        await WebhookTestKit.EventsAsync(_harness, WebhookEvents.CheckInMade, 300);
        var options = new WebhookOptions { TimeoutSeconds = 5, BatchSize = 20, Concurrency = 4 };
        var first = WebhookTestKit.Instance(_harness, options);
        var second = WebhookTestKit.Instance(_harness, options);

        await WebhookTestKit.RunUntilAsync(_harness, async () => receiver.Messages.Count >= 300 && await Settled(), first, second);

        Assert.Empty(receiver.Refused);
        Assert.Equal(300, receiver.Messages.Count);
        Assert.All(receiver.Messages, m => Assert.Equal(1, m.Times));
        Assert.Equal(300, receiver.Requests);
        var deliveries = await WebhookTestKit.DeliveriesAsync(_harness, id);
        Assert.Equal(300, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((WebhookDeliveryState.Delivered, 1), (d.State, d.Attempts)));
        Assert.Equal(300, await _harness.QueryAsync(db => db.WebhookAttempts.CountAsync()));

        async Task<bool> Settled() => await _harness.QueryAsync(db => db.WebhookDeliveries.CountAsync(d => d.State == WebhookDeliveryState.Delivered)) == 300;
    }

    [Fact]
    public async Task Should_switch_off_an_endpoint_failing_for_a_day_tell_its_owner_and_send_a_delivery_again_from_its_page()
    {
        await using var receiver = new WebhookReceiver(() => _harness.Clock.GetUtcNow()) { Down = true };
        var owner = await OwnerAsync();
        var (id, secret) = await WebhookTestKit.EndpointAsync(_harness, receiver.Url, events: [WebhookEvents.CheckInMade], ownerId: owner.Id);
        receiver.Secret = secret;
        await WebhookTestKit.EventsAsync(_harness, WebhookEvents.CheckInMade, 1);
        var dispatcher = WebhookTestKit.Instance(_harness);

        await dispatcher.RunOnceAsync(CancellationToken.None);
        for (var hour = 0; hour < 23; hour++)
        {
            MoveOn(TimeSpan.FromHours(1));
            await dispatcher.RunOnceAsync(CancellationToken.None);
        }

        var failingADayLess = await _harness.QueryAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == id));
        await WebhookTestKit.EventsAsync(_harness, WebhookEvents.CheckInMade, 1);
        MoveOn(TimeSpan.FromHours(1));
        await dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.True(failingADayLess.Enabled);
        var endpoint = await _harness.QueryAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.False(endpoint.Enabled);
        Assert.Equal(WebhookHealth.FailingReason, endpoint.DisabledReason);
        var deliveries = await WebhookTestKit.DeliveriesAsync(_harness, id);
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(WebhookDeliveryState.Failed, d.State));
        var mail = await _harness.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Purpose == "webhooks.switched-off").ToListAsync());
        var told = Assert.Single(mail);
        Assert.Equal(owner.Email, told.ToAddress);
        Assert.Equal("一个网络钩子端点已被停用", told.Subject);
        Assert.True(await _harness.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "webhook-switched-off" && a.EntityId == id.ToString())));
        Assert.Empty(receiver.Messages);

        // The receiver is back; an admin switches the endpoint on and sends the first delivery again.
        receiver.Down = false;
        var admin = new Actor(owner.Id, owner.Email!);
        var forum = await _harness.ForumAsync();
        Assert.True(await _harness.RunAsync(s => s.GetRequiredService<WebhookEndpoints>().SetEnabledAsync(forum.Id, id, true, admin, CancellationToken.None)));
        Assert.True(await _harness.RunAsync(s => s.GetRequiredService<WebhookEndpoints>().SendAgainAsync(forum.Id, id, deliveries[0].Id, admin, CancellationToken.None)));
        await dispatcher.RunOnceAsync(CancellationToken.None);

        var again = (await WebhookTestKit.DeliveriesAsync(_harness, id))[0];
        Assert.Equal(WebhookDeliveryState.Delivered, again.State);
        Assert.Equal(deliveries[0].MessageId, Assert.Single(receiver.Messages).Id);
        Assert.Equal(WebhookDeliveryState.Failed, (await WebhookTestKit.DeliveriesAsync(_harness, id))[1].State);
    }

    private Task<ForumUser> OwnerAsync() => _harness.RunAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<ForumUser>>();
        var user = new ForumUser { UserName = $"admin-{Guid.NewGuid():N}@forum.test", Email = $"admin-{Guid.NewGuid():N}@forum.test", PreferredCulture = "zh-Hans" };
        Assert.True((await users.CreateAsync(user, "correct horse battery staple")).Succeeded);
        return user;
    });
}
