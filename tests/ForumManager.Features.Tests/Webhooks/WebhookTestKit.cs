using ForumManager.Core.Integrations;
using ForumManager.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForumManager.Features.Tests.Webhooks;

/// <summary>Endpoints, events and dispatcher instances over one harness's database.</summary>
internal static class WebhookTestKit
{
    public static readonly WebhookOptions QuickOptions = new() { TimeoutSeconds = 1, PollSeconds = 0.2, BatchSize = 50, Concurrency = 8 };

    /// <summary>One app instance's dispatcher: its own sender, signal and claims, on the shared database.</summary>
    public static WebhookDispatcher Instance(FeatureHarness harness, WebhookOptions? options = null)
    {
        var settings = Options.Create(options ?? QuickOptions);
        return new WebhookDispatcher(
            harness.Services.GetRequiredService<IServiceScopeFactory>(),
            new WebhookSender(settings, harness.Clock),
            new WebhookSignal(),
            settings,
            harness.Clock,
            harness.Services.GetRequiredService<ILogger<WebhookDispatcher>>());
    }

    public static async Task<(int Id, string Secret)> EndpointAsync(FeatureHarness harness, string url, bool allowPrivate = true,
        IEnumerable<string>? events = null, string? ownerId = null) =>
        await harness.RunAsync(async services =>
        {
            var db = services.GetRequiredService<Data.ForumDbContext>();
            var secret = WebhookSignature.NewSecret();
            var forum = await harness.ForumAsync();
            var now = harness.Clock.GetUtcNow().UtcDateTime;
            var endpoint = new WebhookEndpoint
            {
                ForumId = forum.Id, Url = url, Events = string.Join(' ', events ?? WebhookEvents.All),
                SecretProtected = services.GetRequiredService<WebhookSecrets>().Protect(secret), AllowPrivateNetwork = allowPrivate,
                CreatedUtc = now, UpdatedUtc = now, CreatedByUserId = ownerId, CreatedByName = "admin",
            };
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync();
            return (endpoint.Id, secret);
        });

    /// <summary>Events written straight to the table, as many changes would write them.</summary>
    public static async Task EventsAsync(FeatureHarness harness, string type, int count)
    {
        var forum = await harness.ForumAsync();
        await harness.QueryAsync(async db =>
        {
            var now = harness.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < count; i++)
            {
                WebhookEventLog.Add(db, forum.Id, type, new { checkInId = i, delegateId = i, checkpoint = "main" }, now);
            }

            return await db.SaveChangesAsync();
        });
    }

    public static Task<List<WebhookDelivery>> DeliveriesAsync(FeatureHarness harness, int endpointId) =>
        harness.QueryAsync(db => db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId).OrderBy(d => d.Id).ToListAsync());

    /// <summary>Passes of the dispatcher until the condition holds, with the time moved on when nothing is due.</summary>
    public static async Task RunUntilAsync(FeatureHarness harness, Func<Task<bool>> done, params WebhookDispatcher[] instances)
    {
        for (var pass = 0; pass < 200 && !await done(); pass++)
        {
            await Task.WhenAll(instances.Select(i => i.RunOnceAsync(CancellationToken.None)));
        }
    }
}
