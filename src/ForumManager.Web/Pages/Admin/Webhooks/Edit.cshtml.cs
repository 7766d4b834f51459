using ForumManager.Core.Accounts;
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
/// Adds or changes an endpoint. A new endpoint's secret is shown once, on the page the post that made it redirects to,
/// and never again (it is kept encrypted; a new one can be made on the endpoint's page): a reload makes nothing twice.
/// </summary>
public sealed class EditModel(ForumDbContext db, CurrentForum current, WebhookEndpoints endpoints, WebhookSecretHandoff handoff, UserManager<ForumUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public WebhookEndpointInput Input { get; set; } = new();

    /// <summary>The secret of the endpoint just made, shown this once.</summary>
    public string? NewSecret { get; private set; }

    private Actor Actor => new(users.GetUserId(User), User.Identity?.Name ?? "admin");

    /// <summary>Only an admin sees, sets or keeps "Allow private network".</summary>
    public bool MayAllowPrivate => User.IsInRole(Roles.Admin);

    /// <summary>An endpoint an admin let reach private networks, being edited by an organizer (told that saving lifts it).</summary>
    public bool AllowedByAdmin { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? created, CancellationToken ct)
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

            if (created is not null)
            {
                // The new secret, this once; a reload finds it gone and goes to the endpoint's page.
                if (await handoff.TakeAsync(id, users.GetUserId(User), created, ct) is not { } secret)
                {
                    return Redirect($"/admin/webhooks/{id}");
                }

                NewSecret = secret;
                Response.Headers.CacheControl = "no-store";
                return Page();
            }

            Input = new WebhookEndpointInput
            {
                Url = endpoint.Url, Description = endpoint.Description, Events = [.. endpoint.EventList],
                AllowPrivateNetwork = endpoint.AllowPrivateNetwork && MayAllowPrivate,
            };
            AllowedByAdmin = endpoint.AllowPrivateNetwork && !MayAllowPrivate;
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
            ? await endpoints.UpdateAsync(forum.Id, id, Input, Actor, MayAllowPrivate, ct)
            : await endpoints.CreateAsync(forum.Id, Input, Actor, MayAllowPrivate, ct);
        if (saved is null)
        {
            if (errors.IsEmpty)
            {
                return NotFound();
            }

            ModelState.AddErrors(errors);
            AllowedByAdmin = Id is { } edited && !MayAllowPrivate
                && await db.WebhookEndpoints.AnyAsync(e => e.Id == edited && e.ForumId == forum.Id && e.AllowPrivateNetwork, ct);
            return Page();
        }

        if (saved.Secret is { } secret)
        {
            var key = await handoff.HoldAsync(saved.Id, users.GetUserId(User), secret, ct);
            return Redirect($"/admin/webhooks/edit/{saved.Id}?created={key}");
        }

        TempData["Status"] = text["Webhooks_Saved"].Value;
        return Redirect($"/admin/webhooks/{saved.Id}");
    }
}
