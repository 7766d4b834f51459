using ForumManager.Core.Forums;
using ForumManager.Features.Editions;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.CheckIns;

/// <summary>The desk's choice of edition: staff checking people in for an edition other than the public one (a draft's rehearsal, say).</summary>
public sealed class EditionModel(ForumEditions editions, WorkingEdition working, IStringLocalizer<Features.SharedResource> text) : PageModel
{
    public IReadOnlyList<EditionRow> Editions { get; private set; } = [];

    public int? WorkingOn { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Editions = (await editions.ListAsync(ct)).Where(e => e.Status != ForumStatus.Archived).ToList();
        WorkingOn = working.ForumId is { } id && Editions.Any(e => e.Id == id) ? id : Editions.FirstOrDefault(e => e.Public)?.Id;
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var list = await editions.ListAsync(ct);
        if (list.FirstOrDefault(e => e.Id == id && e.Status != ForumStatus.Archived) is not { } edition)
        {
            return NotFound();
        }

        working.Choose(HttpContext, edition.Public ? null : id);
        TempData["Status"] = text["Editions_WorkingOnNow", edition.Name(UiLanguage.Chinese)].Value;
        return Redirect("/checkin");
    }
}
