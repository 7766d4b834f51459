using ForumManager.Features.Forums;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages;

public sealed class IndexModel(HomeFiguresCache figures) : PageModel
{
    public HomeFigures? Figures { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Figures = await figures.GetAsync(ct);
}
