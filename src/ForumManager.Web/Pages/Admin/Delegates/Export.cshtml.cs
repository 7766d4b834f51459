using System.Globalization;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Registration;
using ForumManager.Data;
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
    public sealed record Row(string Reference, string FamilyName, string GivenName, string? NativeName, string? Honorific, string? Position, string? Organization,
        string? Delegation, string? DelegationZh, string CountryCode, string Email, string? Phone, DelegateCategory Category, RegistrationStatus Status, int PrecedenceRank,
        string PreferredLanguage, string? DietaryNeeds, string? AccessibilityNeeds, string? InterpretationLanguage, bool NeedsVisaLetter, DateTime CreatedUtc);

    /// <summary>What a value needs to be written as words in the organizer's language.</summary>
    public sealed record Words(TimeZoneInfo Zone, IStringLocalizer Text, bool Chinese)
    {
        public string Country(string code) => Countries.Find(code)?.Name(Chinese) ?? code;

        /// <summary>A language code in the reader's words ("fr" → "French", "法语").</summary>
        public static string? Language(string? code) => LanguageNames.Of(code);
    }

    /// <summary>Column key → its header's resource key and its value, in words rather than codes (organizers read these).</summary>
    public static readonly IReadOnlyList<(string Key, string Header, Func<Row, Words, object?> Value)> Columns =
    [
        ("family", "Field_FamilyName", (r, _) => r.FamilyName),
        ("given", "Field_GivenName", (r, _) => r.GivenName),
        ("native", "Field_NativeName", (r, _) => r.NativeName),
        ("honorific", "Field_Honorific", (r, _) => r.Honorific),
        ("position", "Field_Position", (r, _) => r.Position),
        ("organization", "Field_Organization", (r, _) => r.Organization),
        ("delegation", "Field_Delegation", (r, w) => w.Chinese ? r.DelegationZh : r.Delegation),
        ("country", "Field_Country", (r, w) => w.Country(r.CountryCode)),
        ("email", "Field_Email", (r, _) => r.Email),
        ("phone", "Field_Phone", (r, _) => r.Phone),
        ("category", "Delegate_Category", (r, w) => w.Text["DelegateCategory_" + r.Category].Value),
        ("status", "Admin_Status", (r, w) => w.Text["RegistrationStatus_" + r.Status].Value),
        ("precedence", "Delegates_Precedence", (r, _) => r.PrecedenceRank),
        ("language", "Field_PreferredLanguage", (r, _) => Words.Language(r.PreferredLanguage)),
        ("dietary", "Field_DietaryNeeds", (r, _) => r.DietaryNeeds),
        ("accessibility", "Field_AccessibilityNeeds", (r, _) => r.AccessibilityNeeds),
        ("interpretation", "Field_InterpretationLanguage", (r, _) => Words.Language(r.InterpretationLanguage)),
        ("visa", "Field_NeedsVisaLetter", (r, w) => w.Text[r.NeedsVisaLetter ? "Common_Yes" : "Common_No"].Value),
        ("registered", "Delegates_Registered", (r, w) => ForumTime.ToLocal(r.CreatedUtc, w.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
    ];

    /// <summary>
    /// Every file begins with the reference, whatever columns were chosen: it names the delegate for another program and
    /// for an import that updates delegates by it.
    /// </summary>
    public static readonly (string Key, string Header, Func<Row, Words, object?> Value) ReferenceColumn =
        ("reference", "Delegate_Reference", (r, _) => r.Reference);

    public static readonly IReadOnlyList<string> DefaultColumns = ["family", "given", "native", "honorific", "position", "organization", "delegation", "country", "category", "status"];

    public async Task<IActionResult> OnGetAsync(string format, string? q, RegistrationStatus? status, DelegateCategory? category, string? country,
        int? delegation, string? sort, string[]? columns, string? answer, string? contains, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        var keys = columns is { Length: > 0 } ? columns : [.. DefaultColumns];
        // An empty "columns=" in the query string arrives as a null entry.
        var chosen = keys.OfType<string>().SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()
            .Select(key => Columns.FirstOrDefault(c => c.Key == key)).Where(c => c.Key is not null).ToList();
        if (chosen.Count == 0)
        {
            return BadRequest();
        }

        var forumId = forum.Id;
        var filter = new DelegateFilter(q, status, category, country, delegation, sort, answer, contains);
        var rows = await filter.Order(filter.Apply(db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId)))
            .Select(d => new Row(d.Reference, d.FamilyName, d.GivenName, d.NativeName, d.Honorific, d.Position, d.Organization,
                d.Delegation == null ? null : d.Delegation.NameEn, d.Delegation == null ? null : d.Delegation.NameZh, d.CountryCode, d.Email, d.Phone, d.Category, d.Status, d.PrecedenceRank,
                d.PreferredLanguage, d.DietaryNeeds, d.AccessibilityNeeds, d.InterpretationLanguage, d.NeedsVisaLetter, d.CreatedUtc))
            .ToListAsync(ct);
        chosen.Insert(0, ReferenceColumn);
        var headers = chosen.Select(c => text[c.Header].Value).ToList();
        var words = new Words(forum.TimeZone, text, UiLanguage.Chinese);
        var name = $"{forum.Acronym}-delegates-{clock.GetUtcNow().UtcDateTime:yyyyMMdd}";
        Response.Headers.CacheControl = "no-store";

        var cells = rows.Select(r => (IReadOnlyList<object?>)chosen.Select(c => c.Value(r, words)).ToList()).ToList();
        return format == "xlsx"
            ? File(await Spreadsheets.XlsxAsync("Delegates", headers, cells, ct), Spreadsheets.XlsxType, name + ".xlsx")
            : File(await Spreadsheets.CsvAsync(headers, cells, ct), Spreadsheets.CsvType, name + ".csv");
    }
}
