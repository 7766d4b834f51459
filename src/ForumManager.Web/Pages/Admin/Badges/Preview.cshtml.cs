using ForumManager.Core.Delegates;
using ForumManager.Documents;
using ForumManager.Documents.Badges;
using ForumManager.Features.Badges;
using ForumManager.Features.Forums;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Admin.Badges;

/// <summary>A category's badge in a layout, drawn for the first delegate of that category (nothing is logged as printed).</summary>
public sealed class PreviewModel(CurrentForum current, BadgeSource badges, DocumentHealth health) : PageModel
{
    public async Task<IActionResult> OnGetAsync(DelegateCategory category, BadgeLayout layout, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || !Enum.IsDefined(category) || !Enum.IsDefined(layout))
        {
            return BadRequest();
        }

        var sample = await badges.SampleAsync(forum, category, ct);
        var pdf = BadgeDocument.Render([sample], layout, forum.NameEn);
        health.Record(pdf.Missing);
        Response.Headers.CacheControl = "no-store";
        return File(pdf.Pdf, "application/pdf");
    }
}
