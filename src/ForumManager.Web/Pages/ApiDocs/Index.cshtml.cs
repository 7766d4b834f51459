using ForumManager.Core.Integrations;
using ForumManager.Features;
using ForumManager.Web.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Pages.ApiDocs;

/// <summary>The API's readable reference: how to call it, then every operation of the generated OpenAPI document.</summary>
public sealed class IndexModel(IOptions<ApiOptions> options, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<ApiReferenceOperation> Operations { get; private set; } = [];

    public int RequestsPerMinute => options.Value.RequestsPerMinute;

    public static IReadOnlyList<string> Scopes => ApiScopes.All;

    public async Task OnGetAsync(CancellationToken ct) => Operations = await ApiReference.ReadAsync(HttpContext.RequestServices, ct);

    public string ScopeText(string scope) => text["ApiScope_" + scope.Replace(':', '_')].Value;

    public string StatusText(string status) => text["ApiDocs_Status_" + status] is { ResourceNotFound: false } found ? found.Value : "";
}
