using ForumManager.Core.Forums;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using ForumManager.Features.Forums;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Pages.Admin.Webhooks;

/// <summary>The forum's webhook endpoints: where each posts, what it is told, whether it works.</summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current) : PageModel
{
    public sealed record Row(WebhookEndpoint Endpoint, WebhookDeliveryState? LastState, int? LastStatus, DateTime? LastAt);

    public Forum Forum { get; private set; } = null!;
    public IReadOnlyList<Row> Endpoints { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        Forum = forum;
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.ForumId == forum.Id).OrderBy(e => e.Id).ToListAsync(ct);
        var ids = endpoints.Select(e => e.Id).ToList();
        // The last tried delivery of each endpoint, in one query.
        var last = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => ids.Contains(d.EndpointId) && d.LastAttemptUtc != null
                        && d.Id == db.WebhookDeliveries.Where(x => x.EndpointId == d.EndpointId && x.LastAttemptUtc != null).Max(x => x.Id))
            .Select(d => new { d.EndpointId, d.State, d.LastStatusCode, d.LastAttemptUtc })
            .ToListAsync(ct);
        Endpoints = [.. endpoints.Select(e => last.FirstOrDefault(l => l.EndpointId == e.Id) is { } l
            ? new Row(e, l.State, l.LastStatusCode, l.LastAttemptUtc)
            : new Row(e, null, null, null))];
        return Page();
    }
}
