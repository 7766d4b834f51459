using ForumManager.Data;
using ForumManager.Core.Auditing;
using ForumManager.Core.Integrations;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Integrations;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Api;

/// <summary>The forum's API tokens: the list with each one's last use, a new token (shown once) and revoking one.</summary>
public sealed class IndexModel(CurrentForum current, ApiTokenIssuer issuer, UserManager<ForumUser> users, TimeProvider clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    private Actor Actor => new(users.GetUserId(User), User.Identity?.Name ?? "admin");

    [BindProperty]
    public ApiTokenInput Input { get; set; } = new();

    public IReadOnlyList<ApiTokenSummary> Tokens { get; private set; } = [];

    /// <summary>The token just made, shown in this one answer and never again.</summary>
    public IssuedApiToken? Issued { get; private set; }

    public ConfirmStep? Confirmation { get; private set; }

    public DateTime NowUtc { get; private set; }
    public DateOnly EarliestExpiry => issuer.Today.AddDays(1);
    public DateOnly LatestExpiry => issuer.Today.AddDays(ApiTokenIssuer.MaxDays);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.ExpiresOn = issuer.DefaultExpiry;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        if (!ModelState.IsValid)
        {
            issuer.Check(Input, errors);
            ModelState.AddErrorsBesideRefused(errors);
        }
        else if (await issuer.CreateAsync(forum.Id, Input, Actor, errors, ct) is { } issued)
        {
            Issued = issued;
            ModelState.Clear();
            Input = new ApiTokenInput { ExpiresOn = issuer.DefaultExpiry };
            // The answer holds the secret: no cache keeps it, and a reload does not post again.
            Response.Headers.CacheControl = "no-store";
        }
        else
        {
            ModelState.AddErrorsBesideRefused(errors);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, [FromForm(Name = ConfirmStep.Field)] bool confirm, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || await issuer.FindAsync(forum.Id, id, ct) is not { } token)
        {
            return NotFound();
        }

        if (!confirm)
        {
            Confirmation = new ConfirmStep(text["ApiTokens_ConfirmRevoke", token.Name, token.Prefix],
                [text["ApiTokens_ConfirmRevokeAtOnce"], text["ApiTokens_ConfirmRevokeFinal"]], text["ApiTokens_Revoke"], "/admin/api");
            ModelState.Clear();
            Input.ExpiresOn = issuer.DefaultExpiry;
            await LoadAsync(ct);
            return Page();
        }

        TempData["Status"] = await issuer.RevokeAsync(forum.Id, id, Actor, ct)
            ? text["ApiTokens_Revoked", token.Name].Value
            : text["ApiTokens_AlreadyRevoked", token.Name].Value;
        return RedirectToPage();
    }

    public string ScopeText(string scope) => text["ApiScope_" + scope.Replace(':', '_')].Value;

    public string StateText(ApiTokenSummary token) => text["ApiTokens_State_" + token.State(NowUtc)].Value;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        if (await current.GetAsync(ct) is not { } forum)
        {
            return false;
        }

        Tokens = await issuer.ListAsync(forum.Id, ct);
        return true;
    }

    public static IReadOnlyList<string> Scopes => ApiScopes.All;
}
