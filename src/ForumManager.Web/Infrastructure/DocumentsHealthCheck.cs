using System.Globalization;
using ForumManager.Documents;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// Degraded once a document had to leave out a character no installed font has: a font package is missing on this
/// server. Each is named by its code point and the delegate's id, never by the name it was in.
/// </summary>
public sealed class DocumentsHealthCheck(DocumentHealth documents) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var count = documents.MissingGlyphCount;
        var data = new Dictionary<string, object>
        {
            ["missingGlyphs"] = count,
            ["latest"] = documents.Latest.Select(Describe).ToArray(),
        };
        return Task.FromResult(count == 0
            ? HealthCheckResult.Healthy("Every character asked for was drawn.", data)
            : HealthCheckResult.Degraded($"{count} characters could not be drawn: no installed font has them.", data: data));
    }

    private static string Describe(MissingGlyphReport m) => m.DelegateId is { } id
        ? string.Create(CultureInfo.InvariantCulture, $"{m.Document} {m.Field}: {m.CodePointLabel} for delegate {id}")
        : $"{m.Document} {m.Field}: {m.CodePointLabel}";
}
