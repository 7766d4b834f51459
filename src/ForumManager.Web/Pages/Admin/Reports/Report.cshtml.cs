using System.Globalization;
using System.Text;
using CsvHelper;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace ForumManager.Web.Pages.Admin.Reports;

/// <summary>
/// One report as a printable page, or as CSV (UTF-8 with a byte-order mark, so that Excel keeps every script, and
/// formula-like cells escaped) or XLSX when the address ends in .csv or .xlsx.
/// </summary>
public sealed class ReportModel(ForumDbContext db, CurrentForum current, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
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
        Table = await new ForumReports(db, text, Forum).BuildAsync(report, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        GeneratedLocal = ForumTime.ToLocal(now, Forum.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        ZoneLabel = ForumTime.OffsetLabel(now, Forum.TimeZone);
        Response.Headers.CacheControl = "no-store";

        var name = $"{Forum.Acronym}-{report}-{now:yyyyMMdd}";
        return format switch
        {
            "csv" => File(await CsvAsync(Table, ct), "text/csv; charset=utf-8", name + ".csv"),
            "xlsx" => File(await XlsxAsync(Table, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            _ => Page(),
        };
    }

    private static async Task<MemoryStream> CsvAsync(ReportTable table, CancellationToken ct)
    {
        var output = new MemoryStream();
        await using (var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        {
            // Cells starting with = + - @ are escaped so a spreadsheet shows them instead of running them as formulas.
            await using var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
            foreach (var header in table.Headers)
            {
                csv.WriteField(header);
            }

            csv.EndRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(Convert.ToString(cell, CultureInfo.InvariantCulture));
                }

                csv.EndRecord();
            }

            await csv.FlushAsync(ct);
        }

        output.Position = 0;
        return output;
    }

    private static async Task<MemoryStream> XlsxAsync(ReportTable table, CancellationToken ct)
    {
        // A data table keeps its headers when a report has no rows, and counts stay numbers in the spreadsheet.
        using var sheet = new System.Data.DataTable("Report");
        for (var i = 0; i < table.Headers.Count; i++)
        {
            sheet.Columns.Add(table.Headers[i], table.Numeric.Contains(i) ? typeof(int) : typeof(string));
        }

        foreach (var row in table.Rows)
        {
            sheet.Rows.Add(row.Select((cell, i) => cell is null ? DBNull.Value
                : table.Numeric.Contains(i) ? cell : (object)Convert.ToString(cell, CultureInfo.InvariantCulture)!).ToArray());
        }

        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "Report", cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }
}
