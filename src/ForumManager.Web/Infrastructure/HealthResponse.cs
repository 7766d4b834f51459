using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// <c>/health</c>: anyone (a load balancer, a monitor) gets the overall status, with 503 when unhealthy; staff and
/// above also get each check's details (queue counts, missing characters, the key ring), which say more about the
/// forum and its server than the public needs to know.
/// </summary>
internal static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        var staff = (await authorization.AuthorizeAsync(context.User, Policies.Staff)).Succeeded;
        object body = staff
            ? new
            {
                status = report.Status.ToString(),
                durationMs = (int)report.TotalDuration.TotalMilliseconds,
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => new
                    {
                        status = e.Value.Status.ToString(),
                        description = e.Value.Description,
                        data = e.Value.Data.Count == 0 ? null : e.Value.Data,
                    }),
            }
            : new { status = report.Status.ToString() };
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }
}
