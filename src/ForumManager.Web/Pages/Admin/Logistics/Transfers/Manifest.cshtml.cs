using ForumManager.Documents;
using ForumManager.Documents.Lists;
using ForumManager.Features.Forums;
using ForumManager.Features.Logistics;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ForumManager.Web.Pages.Admin.Logistics.Transfers;

/// <summary>A vehicle's manifest for one wave, as PDF for the driver and XLSX for the transport desk.</summary>
public sealed class ManifestModel(CurrentForum current, Manifest manifests, DocumentHealth health) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string format, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || await manifests.BuildAsync(forum.Id, id, ct) is not { } manifest)
            return NotFound();

        var name = $"{forum.Acronym}-manifest-{manifest.Transfer.Id}";
        Response.Headers.CacheControl = "no-store";
        if (format == "pdf")
        {
            var pdf = ListDocument.Render(Manifest.Document(manifest, forum));
            health.Record(pdf.Missing);
            return File(pdf.Pdf, "application/pdf", name + ".pdf");
        }

        var (headings, rows) = Manifest.Table(manifest, forum);
        return File(await Spreadsheets.XlsxAsync("Manifest", headings, rows, ct), Spreadsheets.XlsxType, name + ".xlsx");
    }
}
