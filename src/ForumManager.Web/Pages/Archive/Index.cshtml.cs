using ForumManager.Features.Editions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Archive;

/// <summary>The public archive: past editions whose programme was released.</summary>
public sealed class IndexModel(EditionArchive archive) : PageModel
{
    public IReadOnlyList<ArchivedEdition> Editions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Editions = await archive.ListAsync(ct);
}
