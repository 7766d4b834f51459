using ForumManager.Core.Auditing;
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

/// <summary>
/// Adds or changes an endpoint. A new endpoint's secret is shown on the answer to the post that made it, once, and
/// never again (it is kept encrypted; a new one can be made on the endpoint's page).
/// </summary>
public sealed class EditModel(ForumDbContext db, CurrentForum current, WebhookEndpoints endpoints, UserManager<ForumUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public WebhookEndpointInput Input { get; set; } = new();

    /// <summary>The secret of the endpoint just made, shown this once.</summary>
    public string? NewSecret { get; private set; }

    private Actor Actor => new(users.GetUserId(User), User.Identity?.Name ?? "admin");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        if (Id is { } id)
        {
            var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.ForumId == forum.Id, ct);
            if (endpoint is null)
            {
                return NotFound();
            }

            Input = new WebhookEndpointInput
            {
                Url = endpoint.Url, Description = endpoint.Description, Events = [.. endpoint.EventList], AllowPrivateNetwork = endpoint.AllowPrivateNetwork,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        // The feature checks every field itself, in the reader's words.
        ModelState.Clear();
        var (saved, errors) = Id is { } id
            ? await endpoints.UpdateAsync(forum.Id, id, Input, Actor, ct)
            : await endpoints.CreateAsync(forum.Id, Input, Actor, ct);
        if (saved is null)
        {
            if (errors.IsEmpty)
            {
                return NotFound();
            }

            ModelState.AddErrors(errors);
            return Page();
        }

        if (saved.Secret is { } secret)
        {
            Id = saved.Id;
            NewSecret = secret;
            return Page();
        }

        TempData["Status"] = text["Webhooks_Saved"].Value;
        return Redirect($"/admin/webhooks/{saved.Id}");
    }
}
