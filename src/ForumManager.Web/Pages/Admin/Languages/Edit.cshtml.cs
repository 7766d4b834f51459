using System.Globalization;
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
/// The edition's texts in one further language, beside their English and Chinese: organizers translate them here (or
/// correct a translator's file), and saving a translation confirms it against the English as it is now.
/// </summary>
[RequestFormLimits(ValueCountLimit = MaxLines * 2 + 16)]
public sealed class EditModel(CurrentForum current, ContentTexts texts, TranslationReport report, UserManager<ForumUser> users, IOutputCacheStore pages,
    IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The most texts one page shows and takes back; an edition with more is translated in parts, or through its file.</summary>
    public const int MaxLines = 1500;

    public Forum Forum { get; private set; } = null!;
    public ContentLanguage Language { get; private set; } = null!;
    public IReadOnlyList<TranslationLine> Lines { get; private set; } = [];

    /// <summary>"all", or by default the texts missing or out of date.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var posted = Values;
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var known = Lines.ToDictionary(l => l.Text.Key);
        var inputs = posted.Where(v => known.ContainsKey(v.Key))
            .Select(v => new TranslationInput(known[v.Key].Text.Field, known[v.Key].Text.Item, v.Value)).ToList();
        var (saved, errors) = await texts.SaveAsync(Forum, Language.Code, inputs, new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), ct);
        if (saved is null)
        {
            foreach (var (field, message) in errors.All)
            {
                ModelState.AddModelError($"Values[{field}]", message);
            }

            Values = posted;
            return Page();
        }

        await pages.EvictByTagAsync(AgendaOutputCache.Tag, ct);
        TempData["Status"] = text["Languages_UploadResult", saved.Changed + saved.Cleared, saved.Unchanged].Value;
        return Redirect($"/admin/languages/{Language.Code}{(Show == "all" ? "?show=all" : string.Empty)}");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || ContentLanguages.Find(code) is not { } language || !ContentLanguages.IsFurther(language.Code)
            || !ContentLanguages.Of(forum.FurtherLanguages).Contains(language.Code))
        {
            return false;
        }

        Forum = forum;
        Language = language;
        var lines = await report.LinesAsync(forum.Id, language.Code, ct);
        Lines = (Show == "all" ? lines : lines.Where(l => l.State != TranslationState.Translated)).Take(MaxLines).ToList();
        Values = Lines.ToDictionary(l => l.Text.Key, l => l.Value);
        return true;
    }

    /// <summary>A name or title is translated in one line; a description or a notice in a box.</summary>
    public static bool OneLine(string english) => english.Length <= 150 && !english.Contains('\n', StringComparison.Ordinal);

    public static string Rows(string english) => Math.Clamp(english.Length / 60 + english.Count(c => c == '\n') + 1, 1, 12).ToString(CultureInfo.InvariantCulture);
}
