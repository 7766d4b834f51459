using ForumManager.Data;
using ForumManager.Documents.Badges;
using ForumManager.Features.Badges;
using ForumManager.Features.Forums;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Pages.CheckIns;

/// <summary>One delegate's badge as a PDF, in the layout asked for or the one chosen for the delegate's category; every print is logged.</summary>
public sealed class BadgeModel(ForumDbContext db, CurrentForum current, BadgeSource badges) : PageModel
{
    /// <summary>Characters of the name no installed font has; the badge is shown only once staff accept printing without them.</summary>
    public IReadOnlyList<Documents.MissingGlyph> Missing { get; private set; } = [];

    public string? Layout { get; private set; }

    /// <summary>The forum requires clearance and this person has none: no badge, and the page says why.</summary>
    public bool NotCleared { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? layout, bool acceptMissing, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        var category = await db.Delegates.AsNoTracking().Where(d => d.Id == id && d.ForumId == forum.Id).Select(d => (Core.Delegates.DelegateCategory?)d.Category).FirstOrDefaultAsync(ct);
        if (category is null)
        {
            return NotFound();
        }

        BadgeLayout chosen;
        if (string.IsNullOrEmpty(layout))
        {
            chosen = (await badges.LayoutsAsync(forum.Id, ct))[category.Value];
        }
        else if (!Enum.TryParse(layout, ignoreCase: true, out chosen) || !Enum.IsDefined(chosen) || int.TryParse(layout, out _))
        {
            return BadRequest();
        }

        if ((await badges.NotClearedAsync(forum, [id], ct)).Count > 0)
        {
            NotCleared = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var (pdf, printed) = await badges.RenderAsync(forum, [id], chosen, ct);
        Response.Headers.CacheControl = "no-store";
        if (pdf.Missing.Count > 0 && !acceptMissing)
        {
            Missing = pdf.Missing;
            Layout = chosen.ToString();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        await badges.LogPrintsAsync(forum.Id, printed, chosen, User.Identity?.Name ?? "staff", null, ct);
        return File(pdf.Pdf, "application/pdf");
    }
}
