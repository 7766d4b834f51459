using ForumManager.Core.Integrations;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Integrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Api;

/// <summary>One API token: what it may do, and its most recent uses (when, from where, what, and the answer).</summary>
public sealed class TokenModel(CurrentForum current, ApiTokenIssuer issuer, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int RecentCount = 100;

    public ApiTokenSummary? Token { get; private set; }
    public IReadOnlyList<ApiTokenUse> Uses { get; private set; } = [];
    public ApiTokenState State { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || await issuer.FindAsync(forum.Id, id, ct) is not { } token)
        {
            return NotFound();
        }

        Token = token;
        State = token.State(clock.GetUtcNow().UtcDateTime);
        Uses = await issuer.RecentUsesAsync(id, RecentCount, ct);
        return Page();
    }

    public string ScopeText(string scope) => text["ApiScope_" + scope.Replace(':', '_')].Value;
}
