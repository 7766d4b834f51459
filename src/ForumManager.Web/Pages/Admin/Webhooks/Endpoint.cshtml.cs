using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Webhooks;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Webhooks;

/// <summary>One endpoint: its deliveries newest first, each sent again on demand; a test event; on and off; a new secret.</summary>
public sealed class EndpointModel(ForumDbContext db, CurrentForum current, WebhookEndpoints endpoints, UserManager<ForumUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = 25;

    public Forum Forum { get; private set; } = null!;
    public WebhookEndpoint Endpoint { get; private set; } = null!;
    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];
    public bool HasOlder { get; private set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The secret just made, shown on this answer only.</summary>
    public string? NewSecret { get; private set; }

    private Actor Actor => new(users.GetUserId(User), User.Identity?.Name ?? "admin");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSendAgainAsync(int id, long delivery, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var again = await endpoints.SendAgainAsync(Forum.Id, id, delivery, Actor, ct);
        TempData.Outcome(text[again ? "Webhooks_SentAgain" : "Webhooks_NotSentAgain"].Value, refused: !again);
        return Redirect($"/admin/webhooks/{id}?page={Math.Max(1, PageNumber)}");
    }

    public async Task<IActionResult> OnPostPingAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !await endpoints.PingAsync(Forum.Id, id, Actor, ct))
        {
            return NotFound();
        }

        TempData["Status"] = text["Webhooks_Pinged"].Value;
        return Redirect($"/admin/webhooks/{id}");
    }

    public async Task<IActionResult> OnPostEnableAsync(int id, bool on, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        await endpoints.SetEnabledAsync(Forum.Id, id, on, Actor, ct);
        TempData["Status"] = text[on ? "Webhooks_Enabled" : "Webhooks_Disabled"].Value;
        return Redirect($"/admin/webhooks/{id}");
    }

    public async Task<IActionResult> OnPostRegenerateAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || await endpoints.RegenerateSecretAsync(Forum.Id, id, Actor, ct) is not { } secret)
        {
            return NotFound();
        }

        // Shown on this answer, not after a redirect: the secret never travels in a cookie or a URL.
        NewSecret = secret;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum
            || await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.ForumId == forum.Id, ct) is not { } endpoint)
        {
            return false;
        }

        Forum = forum;
        Endpoint = endpoint;
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == id)
            .OrderByDescending(d => d.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasOlder = rows.Count > PageSize;
        Deliveries = [.. rows.Take(PageSize)];
        return true;
    }
}
