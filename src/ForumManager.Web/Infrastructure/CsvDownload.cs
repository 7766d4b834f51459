using ForumManager.Features.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ForumManager.Web.Infrastructure;

/// <summary>A CSV file written to the response as its rows are formatted, rather than built whole in memory first.</summary>
public sealed class CsvDownload(string fileName, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<object?>> rows) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = Spreadsheets.CsvType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        await Spreadsheets.WriteCsvAsync(response.Body, headings, rows, context.HttpContext.RequestAborted);
    }
}
