using Microsoft.AspNetCore.DataProtection;

namespace ForumManager.Features.Webhooks;

/// <summary>Endpoint secrets are kept encrypted with Data Protection; only the sender and the page that shows a new one read them.</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("ForumManager.Webhooks.Secret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string stored) => _protector.Unprotect(stored);
}

/// <summary>Wakes this instance's dispatcher when events are written here, so a delivery normally leaves within a second.</summary>
public sealed class WebhookSignal : Core.Background.WakeSignal;
