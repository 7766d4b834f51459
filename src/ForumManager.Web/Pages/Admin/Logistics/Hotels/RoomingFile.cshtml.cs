using ForumManager.Data;
using ForumManager.Documents;
using ForumManager.Documents.Lists;
using ForumManager.Features.Forums;
using ForumManager.Features.Logistics;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Admin.Logistics.Hotels;

/// <summary>The rooming list to send to the hotel, as XLSX or PDF; rows new, changed or cancelled since the last sending are marked.</summary>
public sealed class RoomingFileModel(CurrentForum current, RoomingList rooming, DocumentHealth health, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string format, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || await rooming.BuildAsync(forum, id, ct) is not { } list)
            return NotFound();

        var name = $"{forum.Acronym}-rooming-{list.Hotel.Id}-{clock.GetUtcNow():yyyyMMdd}";
        Response.Headers.CacheControl = "no-store";
        if (format == "pdf")
        {
            var pdf = ListDocument.Render(RoomingList.Document(list, forum, clock.GetUtcNow().UtcDateTime));
            health.Record(pdf.Missing);
            return File(pdf.Pdf, "application/pdf", name + ".pdf");
        }

        var (headings, rows) = RoomingList.Table(list, forum);
        return File(await Spreadsheets.XlsxAsync("Rooming", headings, rows, ct), Spreadsheets.XlsxType, name + ".xlsx");
    }
}
