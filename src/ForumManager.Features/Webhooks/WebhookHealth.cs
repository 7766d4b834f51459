using System.Globalization;
using System.Net;
using ForumManager.Core.Auditing;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Webhooks;

/// <summary>
/// Switches off an endpoint that has failed for a day with no success since: its waiting deliveries are marked failed,
/// the change audited, and the organizer who made it told by mail in their language. An organizer can switch it on
/// again from its page.
/// </summary>
public sealed class WebhookHealth(ForumDbContext db, MailQueue mail, TimeProvider clock, IStringLocalizerFactory localizers)
{
    public const string FailingReason = "failing";
    public static readonly TimeSpan FailingFor = TimeSpan.FromDays(1);

    public async Task<int> SwitchOffFailingAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - FailingFor;
        var failing = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.Enabled && e.FailingSinceUtc != null && e.FailingSinceUtc <= cutoff)
            .ToListAsync(ct);
        var switchedOff = 0;
        foreach (var endpoint in failing)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var ours = await db.WebhookEndpoints.Where(e => e.Id == endpoint.Id && e.Enabled && e.FailingSinceUtc != null && e.FailingSinceUtc <= cutoff)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Enabled, false)
                    .SetProperty(e => e.DisabledUtc, now)
                    .SetProperty(e => e.DisabledReason, FailingReason)
                    .SetProperty(e => e.UpdatedUtc, now), ct);
            if (ours == 0)
            {
                // Another instance switched it off first, or a delivery succeeded meanwhile.
                await transaction.RollbackAsync(ct);
                continue;
            }

            await db.WebhookDeliveries.Where(d => d.EndpointId == endpoint.Id && d.State == WebhookDeliveryState.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.State, WebhookDeliveryState.Failed)
                    .SetProperty(d => d.LastError, "The endpoint was switched off after failing for a day.")
                    .SetProperty(d => d.ClaimedBy, (string?)null)
                    .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null), ct);
            db.AuditEntries.Add(Actor.System.Audit(endpoint.ForumId, now, nameof(WebhookEndpoint), endpoint.Id, "webhook-switched-off",
                before: endpoint.Url, after: $"failing since {endpoint.FailingSinceUtc:u}"));
            var owner = endpoint.CreatedByUserId is null ? null
                : await db.Users.AsNoTracking().Where(u => u.Id == endpoint.CreatedByUserId).Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).FirstOrDefaultAsync(ct);
            if (owner?.Email is { Length: > 0 } email)
            {
                mail.Add(Draft(email, owner.DisplayName, owner.PreferredCulture, endpoint));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            mail.NotifySaved();
            switchedOff++;
        }

        return switchedOff;
    }

    private MailDraft Draft(string email, string? name, string culture, WebhookEndpoint endpoint)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture is "zh-Hans" ? "zh-Hans" : "en");
        try
        {
            var text = localizers.Create(typeof(SharedResource));
            var since = endpoint.FailingSinceUtc!.Value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            var subject = text["Webhooks_OffMailSubject"].Value;
            var body = text["Webhooks_OffMailBody", endpoint.Url, since].Value;
            var html = string.Concat(body.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
            return new MailDraft(email, name, subject, body + "\n", html, "webhooks.switched-off");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
