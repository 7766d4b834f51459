using System.Globalization;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Reports;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Reports;

/// <summary>
/// One report as a printable page, or as CSV (UTF-8 with a byte-order mark, so that Excel keeps every script, and
/// formula-like cells escaped) or XLSX when the address ends in .csv or .xlsx.
/// </summary>
public sealed class ReportModel(CurrentForum current, ReportCache reports, TimeProvider clock) : PageModel
{
    public string Report { get; private set; } = string.Empty;
    public Forum? Forum { get; private set; }
    public ReportTable? Table { get; private set; }
    public string GeneratedLocal { get; private set; } = string.Empty;
    public string ZoneLabel { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string report, string? format, CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        if (Forum is null || !ForumReports.Names.Contains(report))
        {
            return NotFound();
        }

        Report = report;
        Response.Headers.CacheControl = "no-store";
        var name = $"{Forum.Acronym}-{report}-{clock.GetUtcNow().UtcDateTime:yyyyMMdd}";
        if (format is "csv" or "xlsx")
        {
            var file = await reports.FileAsync(Forum, report, format, ct);
            return File(file.Content, format == "csv" ? Spreadsheets.CsvType : Spreadsheets.XlsxType, $"{name}.{format}");
        }

        var page = await reports.PageAsync(Forum, report, ct);
        Table = page.Table;
        GeneratedLocal = ForumTime.ToLocal(page.BuiltUtc, Forum.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        ZoneLabel = ForumTime.OffsetLabel(page.BuiltUtc, Forum.TimeZone);
        return Page();
    }
}
