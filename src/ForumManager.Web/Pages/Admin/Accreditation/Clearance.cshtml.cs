using ForumManager.Core.Auditing;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Accreditation;
using ForumManager.Features.Forums;
using ForumManager.Features.Imports;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Accreditation;

/// <summary>
/// The exchange with the security office: the list of everyone who may attend (XLSX, passport data included, the export
/// audited), and the office's answer uploaded back, applied whole or not at all.
/// </summary>
[RequestSizeLimit(ImportFile.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportFile.MaxRequestBytes)]
public sealed class ClearanceModel(CurrentForum current, ClearanceExchange exchange, UserManager<ForumUser> users, TimeProvider clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public bool Required { get; private set; }
    public ClearanceCounts Counts { get; private set; } = new(0, 0, 0);

    /// <summary>The rows of the last upload that could not be applied; nothing of that upload was applied.</summary>
    public IReadOnlyList<ClearanceProblem> Problems { get; private set; } = [];

    /// <summary>How many problems the page lists; the count is always of all of them.</summary>
    public const int ShownProblems = 200;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetListAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        var (content, _) = await exchange.ExportAsync(forum, Actor, ct);
        Response.Headers.CacheControl = "no-store";
        return File(content, Features.Text.Spreadsheets.XlsxType, $"{forum.Acronym}-clearance-{clock.GetUtcNow().UtcDateTime:yyyyMMdd}.xlsx");
    }

    public async Task<IActionResult> OnGetPhotosAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        var (content, _) = await exchange.PhotosAsync(forum, Actor, ct);
        Response.Headers.CacheControl = "no-store";
        return File(content, "application/zip", $"{forum.Acronym}-clearance-photos-{clock.GetUtcNow().UtcDateTime:yyyyMMdd}.zip");
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        if (SpreadsheetUpload.Problem(Upload, text) is { } refusal)
        {
            ModelState.AddModelError(nameof(Upload), refusal);
        }
        else
        {
            using var buffer = new MemoryStream();
            await Upload!.CopyToAsync(buffer, ct);
            try
            {
                var result = await exchange.ImportAsync(forum, Path.GetFileName(Upload.FileName), buffer.ToArray(), Actor, ct);
                if (result.Applied)
                {
                    TempData["Status"] = text["Clearance_Imported", result.Cleared, result.Refused, result.Pending, result.Unchanged].Value;
                    return RedirectToPage();
                }

                Problems = result.Problems;
                ModelState.AddModelError(nameof(Upload), text["Clearance_NothingApplied", result.Problems.Count]);
            }
            catch (ImportFileException problem)
            {
                ModelState.AddModelError(nameof(Upload), text[problem.MessageKey, problem.Arguments]);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private Actor Actor => new(users.GetUserId(User), User.Identity?.Name ?? "organizer");

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return false;
        }

        Required = forum.ClearanceRequired;
        Counts = await exchange.CountsAsync(forum.Id, ct);
        return true;
    }
}
