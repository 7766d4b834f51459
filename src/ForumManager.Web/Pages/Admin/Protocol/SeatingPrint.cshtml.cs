using ForumManager.Features.Forums;
using ForumManager.Features.Protocol;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Admin.Protocol;

/// <summary>
/// A session's seating documents as PDFs: the seat map (A3, or A4 with <c>?paper=a4</c>), the place cards, the table cards
/// (with the names at each table with <c>?names=true</c>) and the door's list. A session without a seating plan yet answers
/// 409 with a page that says so; an unknown session 404.
/// </summary>
public sealed class SeatingPrintModel(CurrentForum current, SeatingDocuments documents) : PageModel
{
    public int SessionId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int sessionId, string document, string? paper, bool names, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || !SeatingDocuments.BySlug.TryGetValue(document, out var kind))
        {
            return NotFound();
        }

        var print = await documents.PrintAsync(forum, sessionId, kind, ct, a4: string.Equals(paper, "a4", StringComparison.OrdinalIgnoreCase), withNames: names);
        if (!print.SessionFound)
        {
            return NotFound();
        }

        if (print.Pdf is null)
        {
            SessionId = sessionId;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        Response.Headers.CacheControl = "no-store";
        return File(print.Pdf.Pdf, "application/pdf", print.FileName);
    }
}
