using System.Text;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Languages;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Languages;
using ForumManager.Web.Infrastructure;
using ForumManager.Web.Pages.Agenda;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Languages;

/// <summary>
/// The edition's languages: which it publishes in beyond English and Chinese, how far each is translated, the
/// translators' files to download (what is missing, or everything) and to upload back.
/// </summary>
[RequestSizeLimit(TranslationFiles.MaxBytes * 2)]
[RequestFormLimits(MultipartBodyLengthLimit = TranslationFiles.MaxBytes * 2)]
public sealed class IndexModel(CurrentForum current, ContentTexts texts, TranslationReport report, UserManager<ForumUser> users, IOutputCacheStore pages,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public Forum Forum { get; private set; } = null!;
    public IReadOnlyList<LanguageStanding> Standing { get; private set; } = [];

    [BindProperty]
    public List<string> Chosen { get; set; } = [];

    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>What the last upload did, shown under the form: the counts and each text refused, with why.</summary>
    public TranslationsSaved? Saved { get; private set; }
    public IReadOnlyList<(string Where, string Message)> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLanguagesAsync(CancellationToken ct)
    {
        var chosen = Chosen.Where(ContentLanguages.IsFurther).ToList();
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        await texts.SetLanguagesAsync(Forum.Id, chosen, Actor(), ct);
        await pages.EvictByTagAsync(AgendaOutputCache.Tag, ct);
        TempData["Status"] = text["Languages_Saved"].Value;
        return RedirectToPage();
    }

    /// <summary>A translators' file: <c>format</c> xliff or csv; <c>all</c> for every text, otherwise those missing or out of date.</summary>
    public async Task<IActionResult> OnGetFileAsync(string? language, string? format, bool all, CancellationToken ct)
    {
        language = ContentLanguages.Find(language)?.Code;
        if (!await LoadAsync(ct) || language is null || !ContentLanguages.IsFurther(language) || !ContentLanguages.Of(Forum.FurtherLanguages).Contains(language))
        {
            return NotFound();
        }

        var lines = (await report.LinesAsync(Forum.Id, language, ct)).Where(l => all || l.State != TranslationState.Translated).ToList();
        var name = $"{Forum.Acronym.ToLowerInvariant()}-{language}{(all ? string.Empty : "-missing")}";
        return format == "csv"
            ? File(await TranslationFiles.CsvAsync(language, lines, ct), Features.Text.Spreadsheets.CsvType, name + ".csv")
            : File(TranslationFiles.Xliff(Forum, language, lines), TranslationFiles.XliffType, name + ".xlf");
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), text["Import_ChooseFile"]);
            return Page();
        }

        if (Upload.Length > TranslationFiles.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), text["Import_TooBig", TranslationFiles.MaxBytes / 1024 / 1024]);
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        var fileName = Path.GetFileName(Upload.FileName);
        var xliff = Path.GetExtension(fileName).ToLowerInvariant() is ".xlf" or ".xliff" or ".xml";
        if (!xliff && !Features.Imports.ImportFile.IsSupported(fileName))
        {
            ModelState.AddModelError(nameof(Upload), text["Languages_WrongType"]);
            return Page();
        }

        if (!xliff && !ContentLanguages.IsFurther(Language))
        {
            ModelState.AddModelError(nameof(Language), text["Languages_ChooseLanguage"]);
            return Page();
        }

        var file = xliff ? TranslationFiles.ReadXliff(buffer.ToArray()) : TranslationFiles.ReadTable(fileName, buffer.ToArray(), Language!, ct);
        var problems = file.Problems.Select(p => (p.Where, text[p.MessageKey, p.Arguments].Value)).ToList();
        if (problems.Any(p => p.Where.Length == 0))
        {
            ModelState.AddModelError(nameof(Upload), string.Join(" ", problems.Select(p => p.Item2)));
            return Page();
        }

        // A file is taken whole or not at all: a unit the file itself gets wrong keeps the rest from being saved.
        if (problems.Count > 0)
        {
            ModelState.AddModelError(nameof(Upload), text["Languages_NothingSaved"]);
            Problems = problems;
            return Page();
        }

        var (saved, errors) = await texts.SaveAsync(Forum, file.Language, file.Translations, Actor(), ct);
        problems.AddRange(errors.All.Select(e => (e.Field, e.Message)));
        if (saved is null)
        {
            ModelState.AddModelError(nameof(Upload), text["Languages_NothingSaved"]);
            Problems = problems;
            return Page();
        }

        await pages.EvictByTagAsync(AgendaOutputCache.Tag, ct);
        Saved = saved;
        Problems = problems;
        Standing = await report.StandingAsync(Forum, ct);
        return Page();
    }

    private Actor Actor() => new(users.GetUserId(User), User.Identity?.Name ?? "organizer");

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return false;
        }

        Forum = forum;
        Chosen = ContentLanguages.Of(forum.FurtherLanguages).Skip(2).ToList();
        Standing = await report.StandingAsync(forum, ct);
        return true;
    }
}
