using System.Globalization;
using ForumManager.Features.Privacy;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// Unhealthy when no stored key could be decrypted at start (a new certificate without the old one as <c>Previous</c>:
/// nothing stored so far can be read). Degraded while the key ring is stored in the clear (no certificate: fine for
/// development and the demo, not for real passports), when some stored keys cannot be decrypted, and once a protected
/// value could not be decrypted: the certificate that wrote its key is missing.
/// </summary>
public sealed class KeyRingHealthCheck(KeyRingCertificates certificates, KeyRingStatus status, PersonalData personalData) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var unreadable = personalData.UnreadableCount;
        var data = new Dictionary<string, object>
        {
            ["unreadableValues"] = unreadable,
            ["storedKeys"] = status.StoredKeys,
            ["unreadableKeys"] = status.UnreadableKeys,
        };
        if (certificates.Current is { } current)
        {
            data["certificate"] = current.Thumbprint;
            data["certificateExpires"] = current.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            data["previousCertificates"] = certificates.Previous.Count;
        }

        if (status.NoKeyReadableProblem is { } problem)
        {
            return Task.FromResult(status.Accepted
                ? HealthCheckResult.Degraded($"{problem} (Accepted: {KeyRingCertificates.Section}:AcceptUnreadableKeys is true.)", data: data)
                : HealthCheckResult.Unhealthy(problem, data: data));
        }

        if (status.UnreadableKeys > 0)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                $"{status.UnreadableKeys} of the {status.StoredKeys} stored keys cannot be decrypted: the certificate that encrypted them is not " +
                $"configured ({KeyRingCertificates.Section}:Previous:N).", data: data));
        }

        if (unreadable > 0)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                $"{unreadable} protected values could not be decrypted: the certificate that encrypted their key is not configured.", data: data));
        }

        return Task.FromResult(certificates.Current is null
            ? HealthCheckResult.Degraded(
                $"The key ring is stored without protection: set {KeyRingCertificates.Section}:Path and :Password before real passport data is entered.", data: data)
            : HealthCheckResult.Healthy("The key ring is encrypted with a certificate kept outside the database.", data));
    }
}
