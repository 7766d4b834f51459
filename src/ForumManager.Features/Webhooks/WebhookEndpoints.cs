using ForumManager.Core.Auditing;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ForumManager.Features.Webhooks;

/// <summary>What an admin types for an endpoint.</summary>
public sealed class WebhookEndpointInput
{
    public string Url { get; set; } = string.Empty;
    public string? Description { get; set; }
    public List<string> Events { get; set; } = [];
    public bool AllowPrivateNetwork { get; set; }
}

/// <summary>An endpoint saved, and its secret when a new one was made (shown once).</summary>
public sealed record WebhookEndpointSaved(int Id, string? Secret);

/// <summary>
/// The organizers' use cases on endpoints: add, edit, a new secret, on and off, a test event, a delivery sent again.
/// Every change audited. Only an admin may let an endpoint reach private networks: an organizer's save asking for it
/// is refused next to the field, and an organizer's save of an endpoint an admin allowed takes the permission away
/// (the address must then be public), so no organizer can point an allowed endpoint at the servers' own network.
/// </summary>
public sealed class WebhookEndpoints(
    ForumDbContext db,
    WebhookSecrets secrets,
    WebhookSignal signal,
    TimeProvider clock,
    IHostEnvironment environment,
    IOptions<WebhookOptions> options,
    IStringLocalizer<SharedResource> text)
{
    public const string Ping = "ping";
    private const int MaxUrl = 2000;
    private const int MaxDescription = 400;

    private bool HttpsOnly => environment.IsProduction() || options.Value.RequireHttps;

    public Task<FieldErrors> CheckAsync(WebhookEndpointInput input, CancellationToken ct) => CheckAsync(input, mayAllowPrivate: true, ct);

    public async Task<FieldErrors> CheckAsync(WebhookEndpointInput input, bool mayAllowPrivate, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.AllowPrivateNetwork && !mayAllowPrivate)
        {
            errors.Add("Input.AllowPrivateNetwork", text["Webhooks_AllowPrivateAdminOnly"]);
            input.AllowPrivateNetwork = false;
        }

        input.Url = input.Url?.Trim() ?? string.Empty;
        input.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        input.Events = [.. input.Events.Where(WebhookEvents.All.Contains).Distinct()];
        if (input.Url.Length == 0)
        {
            errors.Add("Input.Url", text["Validation_Required", text["Webhooks_Url"]]);
        }
        else if (input.Url.Length > MaxUrl)
        {
            errors.Add("Input.Url", text["Validation_MaxLength", text["Webhooks_Url"], MaxUrl]);
        }
        else
        {
            var problem = WebhookAddressGuard.CheckForm(input.Url, HttpsOnly, out var uri)
                ?? await WebhookAddressGuard.CheckHostAsync(uri!.Host, input.AllowPrivateNetwork, ct);
            if (problem is { } p)
            {
                errors.Add("Input.Url", text["Webhooks_Url" + p + (p == UrlProblem.PrivateAddress && !mayAllowPrivate ? "AdminOnly" : string.Empty)]);
            }
        }

        if (input.Description?.Length > MaxDescription)
        {
            errors.Add("Input.Description", text["Validation_MaxLength", text["Webhooks_Description"], MaxDescription]);
        }

        if (input.Events.Count == 0)
        {
            errors.Add("Input.Events", text["Webhooks_EventsRequired"]);
        }

        return errors;
    }

    /// <param name="mayAllowPrivate">Whether the actor is an admin, who alone may allow private networks.</param>
    public async Task<(WebhookEndpointSaved? Saved, FieldErrors Errors)> CreateAsync(int forumId, WebhookEndpointInput input, Actor actor, bool mayAllowPrivate,
        CancellationToken ct)
    {
        var errors = await CheckAsync(input, mayAllowPrivate, ct);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var secret = WebhookSignature.NewSecret();
        var endpoint = new WebhookEndpoint
        {
            ForumId = forumId, Url = input.Url, Description = input.Description, Events = string.Join(' ', input.Events),
            SecretProtected = secrets.Protect(secret), AllowPrivateNetwork = input.AllowPrivateNetwork,
            CreatedUtc = now, UpdatedUtc = now, CreatedByUserId = actor.UserId, CreatedByName = actor.Name,
        };
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(actor.Audit(forumId, now, nameof(WebhookEndpoint), endpoint.Id, "webhook-added", after: Describe(endpoint)));
        await db.SaveChangesAsync(ct);
        return (new WebhookEndpointSaved(endpoint.Id, secret), errors);
    }

    /// <param name="mayAllowPrivate">Whether the actor is an admin, who alone may allow (or keep allowing) private networks.</param>
    public async Task<(WebhookEndpointSaved? Saved, FieldErrors Errors)> UpdateAsync(int forumId, int id, WebhookEndpointInput input, Actor actor,
        bool mayAllowPrivate, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id && e.ForumId == forumId, ct);
        if (endpoint is null)
        {
            return (null, new FieldErrors());
        }

        var errors = await CheckAsync(input, mayAllowPrivate, ct);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var before = Describe(endpoint);
        endpoint.Url = input.Url;
        endpoint.Description = input.Description;
        endpoint.Events = string.Join(' ', input.Events);
        endpoint.AllowPrivateNetwork = input.AllowPrivateNetwork;
        endpoint.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        db.AuditEntries.Add(actor.Audit(forumId, endpoint.UpdatedUtc, nameof(WebhookEndpoint), id, "webhook-changed", before, Describe(endpoint)));
        await db.SaveChangesAsync(ct);
        return (new WebhookEndpointSaved(id, null), errors);
    }

    /// <summary>A new secret replaces the old at once; the receiver must be given it.</summary>
    public async Task<string?> RegenerateSecretAsync(int forumId, int id, Actor actor, CancellationToken ct)
    {
        var secret = WebhookSignature.NewSecret();
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.WebhookEndpoints.Where(e => e.Id == id && e.ForumId == forumId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.SecretProtected, secrets.Protect(secret)).SetProperty(e => e.UpdatedUtc, now), ct) == 0)
        {
            return null;
        }

        db.AuditEntries.Add(actor.Audit(forumId, now, nameof(WebhookEndpoint), id, "webhook-secret-regenerated"));
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>Switched on, it starts afresh (not failing); switched off, its waiting deliveries wait until it is on again.</summary>
    public async Task<bool> SetEnabledAsync(int forumId, int id, bool enabled, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.WebhookEndpoints.Where(e => e.Id == id && e.ForumId == forumId && e.Enabled != enabled)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Enabled, enabled)
                .SetProperty(e => e.DisabledUtc, enabled ? null : now)
                .SetProperty(e => e.DisabledReason, enabled ? null : actor.Name)
                .SetProperty(e => e.FailingSinceUtc, (DateTime?)null)
                .SetProperty(e => e.UpdatedUtc, now), ct);
        if (changed == 0)
        {
            return false;
        }

        db.AuditEntries.Add(actor.Audit(forumId, now, nameof(WebhookEndpoint), id, enabled ? "webhook-enabled" : "webhook-disabled"));
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return true;
    }

    /// <summary>
    /// The same message again, with its webhook-id, as Standard Webhooks asks, so a receiver that had it after all
    /// drops it. It is due now; a delivery more than a day old gets this one try.
    /// </summary>
    public async Task<bool> SendAgainAsync(int forumId, int endpointId, long deliveryId, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && d.EndpointId == endpointId && d.ForumId == forumId && d.State != WebhookDeliveryState.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, WebhookDeliveryState.Pending)
                .SetProperty(d => d.NextAttemptUtc, now)
                .SetProperty(d => d.DeliveredUtc, (DateTime?)null)
                .SetProperty(d => d.ClaimedBy, (string?)null)
                .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null), ct);
        if (changed == 0)
        {
            return false;
        }

        db.AuditEntries.Add(actor.Audit(forumId, now, nameof(WebhookEndpoint), endpointId, "webhook-sent-again", after: deliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return true;
    }

    /// <summary>A <c>ping</c> event to this endpoint alone, whatever it subscribes to. It names the endpoint, never who sent it.</summary>
    public async Task<bool> PingAsync(int forumId, int endpointId, Actor actor, CancellationToken ct)
    {
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == endpointId && e.ForumId == forumId, ct))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ping = WebhookEventLog.Add(db, forumId, Ping, new { endpointId }, now);
        ping.FannedOutUtc = now;
        await db.SaveChangesAsync(ct);
        db.WebhookDeliveries.Add(WebhookDispatcher.NewDelivery(ping, endpointId, now));
        db.AuditEntries.Add(actor.Audit(forumId, now, nameof(WebhookEndpoint), endpointId, "webhook-pinged"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        signal.Wake();
        return true;
    }

    private static string Describe(WebhookEndpoint e) =>
        $"{e.Url} [{e.Events}]" + (e.AllowPrivateNetwork ? " private-network" : string.Empty);
}
