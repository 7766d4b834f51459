using System.Globalization;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Registration;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Delegates;
using ForumManager.Features.Forums;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Delegates;

/// <summary>
/// The delegate list as CSV (UTF-8 with a byte-order mark, so Excel keeps Chinese and every other script) or XLSX,
/// with the list's filters and order and the columns the organizer chose. Passport data is never exported.
/// </summary>
public sealed class ExportModel(ForumDbContext db, CurrentForum current, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string format, string? q, RegistrationStatus? status, DelegateCategory? category, string? country,
        int? delegation, string? sort, string[]? columns, string? answer, string? contains, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        var keys = columns is { Length: > 0 } ? columns : [.. DelegateExport.DefaultColumns];
        // An empty "columns=" in the query string arrives as a null entry.
        var chosen = keys.OfType<string>().SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()
            .Select(key => DelegateExport.Columns.FirstOrDefault(c => c.Key == key)).Where(c => c.Key is not null).ToList();
        if (chosen.Count == 0)
        {
            return BadRequest();
        }

        var forumId = forum.Id;
        var filter = new DelegateFilter(q, status, category, country, delegation, sort, answer, contains);
        var rows = await filter.Order(filter.Apply(db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId)))
            .Select(d => new DelegateExport.Row(d.Reference, d.FamilyName, d.GivenName, d.NativeName, d.Honorific, d.Position, d.Organization,
                d.Delegation == null ? null : d.Delegation.NameEn, d.Delegation == null ? null : d.Delegation.NameZh, d.CountryCode, d.Email, d.Phone, d.Category, d.Status, d.PrecedenceRank,
                d.PreferredLanguage, d.DietaryNeeds, d.AccessibilityNeeds, d.InterpretationLanguage, d.NeedsVisaLetter, d.CreatedUtc))
            .ToListAsync(ct);
        chosen.Insert(0, DelegateExport.ReferenceColumn);
        var headers = chosen.Select(c => text[c.Header].Value).ToList();
        var words = new DelegateExport.Words(forum.TimeZone, text, UiLanguage.Chinese);
        var name = $"{forum.Acronym}-delegates-{clock.GetUtcNow().UtcDateTime:yyyyMMdd}";
        Response.Headers.CacheControl = "no-store";

        var cells = rows.Select(r => (IReadOnlyList<object?>)chosen.Select(c => c.Value(r, words)).ToList()).ToList();
        return format == "xlsx"
            ? File(await Spreadsheets.XlsxAsync("Delegates", headers, cells, ct), Spreadsheets.XlsxType, name + ".xlsx")
            : File(await Spreadsheets.CsvAsync(headers, cells, ct), Spreadsheets.CsvType, name + ".csv");
    }
}
