using System.Text;
using ForumManager.Core.Auditing;
using ForumManager.Core.Imports;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Imports;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Imports;

/// <summary>
/// Imports delegates or invitations from a CSV or XLSX file in two steps: the upload shows every row with its problems
/// and imports nothing; the organizer's confirmation imports the good rows, each whole, in one transaction.
/// </summary>
[RequestSizeLimit(ImportFile.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportFile.MaxRequestBytes)]
public sealed class IndexModel(ForumDbContext db, CurrentForum current, Importer importer, UserManager<ForumUser> users, TimeProvider clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public ImportKind Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The file waiting for confirmation, when a preview is shown.</summary>
    public Guid? PendingId { get; private set; }

    /// <summary>
    /// How many rows of each kind the preview lists, and how much of each value and problem it shows. A file within the
    /// import's bounds may still hold 2,000 rows of 4,000-character cells; listed whole, the page would run to hundreds
    /// of megabytes. The counts are always of every row, and the confirmation imports every good row.
    /// </summary>
    public const int ShownRows = 200;

    public const int ShownCharacters = 200;

    public string? FileName { get; private set; }
    public int Good { get; private set; }
    public int Bad { get; private set; }

    /// <summary>Good rows that update a delegate named by reference; the others add one.</summary>
    public int Updates { get; private set; }
    public IReadOnlyList<CheckedRow> GoodRows { get; private set; } = [];
    public IReadOnlyList<CheckedRow> BadRows { get; private set; } = [];

    /// <summary>A value or problem as the preview shows it: cut after <see cref="ShownCharacters"/>, never inside a character, with an ellipsis.</summary>
    public static string Shown(string text) =>
        text.Length <= ShownCharacters ? text : string.Concat(text.AsSpan(0, char.IsHighSurrogate(text[ShownCharacters - 1]) ? ShownCharacters - 1 : ShownCharacters), "…");

    public async Task<IActionResult> OnGetAsync(ImportKind? kind, CancellationToken ct)
    {
        Kind = kind is { } k && Enum.IsDefined(k) ? k : ImportKind.Delegates;
        return await current.GetAsync(ct) is null ? NotFound() : Page();
    }

    /// <summary>An empty file with the columns, UTF-8 with a byte-order mark so that Excel opens it with every script intact.</summary>
    /// <summary>A template whose example row imports as it stands: the invitation names a city of the forum's own directory.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(ImportKind kind, CancellationToken ct)
    {
        if (!Enum.IsDefined(kind))
        {
            return NotFound();
        }

        var header = string.Join(',', Importer.Columns(kind)) + "\r\n";
        var city = await db.PartnerCities.AsNoTracking().OrderBy(c => c.Id).Select(c => c.NameEn).FirstOrDefaultAsync(ct);
        var example = kind == ImportKind.Delegates
            ? ",Yamada,Taro,山田太郎,Mr,Deputy Mayor,Kumamoto City Government,,JP,taro.yamada@example.org,+81 96 328 2111,Delegate,Male,en,,,ja\r\n"
            : city is null ? ",Example University,FR,head@example.org,6\r\n" : $"\"{city.Replace("\"", "\"\"", StringComparison.Ordinal)}\",,,head@example.org,6\r\n";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(header + example)).ToArray(), "text/csv; charset=utf-8",
            $"{kind.ToString().ToLowerInvariant()}-template.csv");
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        if (!Enum.IsDefined(Kind))
        {
            ModelState.AddModelError(nameof(Kind), text["Validation_Choose"]);
            return Page();
        }

        if (SpreadsheetUpload.Problem(Upload, text) is { } refusal)
        {
            ModelState.AddModelError(nameof(Upload), refusal);
            return Page();
        }

        var name = Path.GetFileName(Upload!.FileName);
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = new PendingImport
        {
            Id = Guid.NewGuid(),
            ForumId = forum.Id,
            Kind = Kind,
            FileName = name.Length > 260 ? name[^260..] : name,
            Content = importer.Protect(buffer.ToArray()),
            CreatedBy = User.Identity?.Name ?? "organizer",
            CreatedUtc = now,
        };

        try
        {
            var rows = await importer.CheckAsync(forum, pending, ct);
            Good = rows.Count(r => r.Good);
            Bad = rows.Count - Good;
            Updates = rows.Count(r => r.Good && r.Updates is not null);
            GoodRows = rows.Where(r => r.Good).Take(ShownRows).ToList();
            BadRows = rows.Where(r => !r.Good).Take(ShownRows).ToList();
        }
        catch (ImportFileException problem)
        {
            ModelState.AddModelError(nameof(Upload), text[problem.MessageKey, problem.Arguments]);
            return Page();
        }

        // Files nobody confirmed within a day go; they hold personal data.
        var stale = now.AddDays(-1);
        await db.PendingImports.Where(p => p.CreatedUtc < stale).ExecuteDeleteAsync(ct);
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(ct);
        PendingId = pending.Id;
        FileName = pending.FileName;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        ImportResult? result;
        try
        {
            result = await importer.ConfirmAsync(forum, id, new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), ct);
        }
        catch (ImportFileException)
        {
            // The file was readable at the preview; it cannot become unreadable, but if it did, nothing was imported.
            result = null;
        }

        TempData["Status"] = result is null
            ? text["Import_AlreadyDone"].Value
            : text[result.Updated > 0 ? "Import_DoneWithUpdates" : "Import_Done", result.Imported, result.Skipped, result.Waitlisted, result.Updated].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        await db.PendingImports.Where(p => p.Id == id && p.ForumId == forum.Id).ExecuteDeleteAsync(ct);
        TempData["Status"] = text["Import_Discarded"].Value;
        return RedirectToPage();
    }
}
