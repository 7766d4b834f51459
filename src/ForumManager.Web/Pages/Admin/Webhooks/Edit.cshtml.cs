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

    /// <summary>Only an admin sees, sets or keeps "Allow private network".</summary>
    public bool MayAllowPrivate => User.IsInRole(Roles.Admin);

    /// <summary>An endpoint an admin let reach private networks, being edited by an organizer (told that saving lifts it).</summary>
    public bool AllowedByAdmin { get; private set; }

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
            Id = saved.Id;
            NewSecret = secret;
            return Page();
        }

        TempData["Status"] = text["Webhooks_Saved"].Value;
        return Redirect($"/admin/webhooks/{saved.Id}");
    }
}
