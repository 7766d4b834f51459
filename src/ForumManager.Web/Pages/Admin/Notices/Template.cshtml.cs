using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Notices;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Notices;
using ForumManager.Mail;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Notices;

/// <summary>
/// One notice's wording in one language: edited as Liquid, checked before it is saved (it must parse, name known
/// placeholders, read no file, and fill in for a delegate within the limits), previewed for a real delegate.
/// </summary>
public sealed class TemplateModel(ForumDbContext db, CurrentForum current, NoticeRenderer renderer, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public NoticeKind Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Language { get; set; } = "en";

    [BindProperty, StringLength(1000, ErrorMessage = "Validation_MaxLength"), Display(Name = "Notices_Subject")]
    public string Subject { get; set; } = string.Empty;

    [BindProperty, StringLength(20000, ErrorMessage = "Validation_MaxLength"), Display(Name = "Notices_Body")]
    public string Body { get; set; } = string.Empty;

    /// <summary>The delegate the preview is written for.</summary>
    [BindProperty(SupportsGet = true)]
    public int? PreviewFor { get; set; }

    public IReadOnlyList<(int Id, string Name)> Sample { get; private set; } = [];
    public MailDraft? Preview { get; private set; }
    public bool Customized { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || !Valid())
        {
            return NotFound();
        }

        // A stored template is checked as if it were being saved, so one stored before a rule existed shows its problem here.
        (Subject, Body) = await renderer.TemplateAsync(forum.Id, Kind, Language, ct);
        await LoadAsync(forum, ct, preview: CheckTemplates());
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || !Valid())
        {
            return NotFound();
        }

        await LoadAsync(forum, ct, preview: CheckTemplates());
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || !Valid())
        {
            return NotFound();
        }

        if (!CheckTemplates())
        {
            await LoadAsync(forum, ct, preview: false);
            return Page();
        }

        // Filled in once for the delegate chosen for the preview (or an example), so a template that runs away
        // with real data is refused here rather than when it is sent.
        await LoadAsync(forum, ct);
        if (!ModelState.IsValid)
        {
            Preview = null;
            return Page();
        }

        var existing = await db.NoticeTemplates.FirstOrDefaultAsync(t => t.ForumId == forum.Id && t.Kind == Kind && t.Language == Language, ct);
        if (existing is null)
        {
            db.NoticeTemplates.Add(new NoticeTemplate
            {
                ForumId = forum.Id, Kind = Kind, Language = Language, Subject = Subject, Body = Body,
                UpdatedUtc = clock.GetUtcNow().UtcDateTime, UpdatedBy = User.Identity?.Name ?? "organizer",
            });
        }
        else
        {
            existing.Subject = Subject;
            existing.Body = Body;
            existing.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            existing.UpdatedBy = User.Identity?.Name ?? "organizer";
            existing.FailedUtc = null;
            existing.Failure = null;
            existing.Failures = 0;
        }

        await db.SaveChangesAsync(ct);
        TempData["Status"] = text["Notices_TemplateSaved"].Value;
        return Redirect($"/admin/notices/template?kind={Kind}&language={Language}");
    }

    /// <summary>Goes back to the built-in wording.</summary>
    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || !Valid())
        {
            return NotFound();
        }

        await db.NoticeTemplates.Where(t => t.ForumId == forum.Id && t.Kind == Kind && t.Language == Language).ExecuteDeleteAsync(ct);
        TempData["Status"] = text["Notices_TemplateReset"].Value;
        return Redirect($"/admin/notices/template?kind={Kind}&language={Language}");
    }

    private bool Valid() => Enum.IsDefined(Kind) && Language is "en" or "zh-Hans";

    /// <summary>Both parts must parse and name only known placeholders; each problem is shown at its field with its line.</summary>
    private bool CheckTemplates()
    {
        Subject = (Subject ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal);
        Body = (Body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal);
        var refused = ModelState.Refused();
        ModelState.Check(errors => NoticeTemplateCheck.CheckTexts([(nameof(Subject), "Notices_Subject", Subject), (nameof(Body), "Notices_Body", Body)], refused, text, errors));
        return ModelState.IsValid;
    }

    private async Task LoadAsync(Core.Forums.Forum forum, CancellationToken ct, bool preview = true)
    {
        Customized = await db.NoticeTemplates.AnyAsync(t => t.ForumId == forum.Id && t.Kind == Kind && t.Language == Language, ct);
        var sample = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forum.Id).OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName).Take(30)
            .Select(d => new { d.Id, d.FamilyName, d.GivenName, d.NativeName }).ToListAsync(ct);
        if (PreviewFor is { } wanted && sample.All(s => s.Id != wanted)
            && await db.Delegates.AsNoTracking().Where(d => d.Id == wanted && d.ForumId == forum.Id)
                .Select(d => new { d.Id, d.FamilyName, d.GivenName, d.NativeName }).FirstOrDefaultAsync(ct) is { } extra)
        {
            sample.Insert(0, extra);
        }

        Sample = sample.Select(d => (d.Id, $"{d.FamilyName.ToUpperInvariant()} {d.GivenName}{(d.NativeName is null ? "" : " · " + d.NativeName)}")).ToList();
        var id = PreviewFor is { } chosen && sample.Any(s => s.Id == chosen) ? chosen : sample.FirstOrDefault()?.Id;
        PreviewFor = id;
        if (!preview)
        {
            return;
        }

        var person = id is null ? Example(forum) : await db.Delegates.AsNoTracking().Include(d => d.Delegation).SingleAsync(d => d.Id == id, ct);
        person.PreferredLanguage = Language;
        var wording = new NoticeWording(Subject, Body, Subject, Body);
        var single = new Core.Forums.Forum
        {
            Id = forum.Id, Acronym = forum.Acronym, NameEn = forum.NameEn, NameZh = forum.NameZh, ThemeEn = forum.ThemeEn, ThemeZh = forum.ThemeZh,
            PlaceEn = forum.PlaceEn, PlaceZh = forum.PlaceZh, StartDate = forum.StartDate, EndDate = forum.EndDate, TimeZoneId = forum.TimeZoneId,
            NoticesInBothLanguages = false,
        };
        try
        {
            var draft = await renderer.RenderAsync(single, person, Kind, Examples(), ct, wording);
            Preview = id is null ? null : draft;
        }
        catch (NoticeTemplateException e)
        {
            ModelState.AddModelError(e.Part == "subject" ? nameof(Subject) : nameof(Body), NoticeSandbox.Describe(e.Code, (key, args) => text[key, args]));
        }
    }

    /// <summary>A delegate to fill the template in for when the forum has none yet.</summary>
    private static Core.Delegates.Delegate Example(Core.Forums.Forum forum) => new()
    {
        ForumId = forum.Id, FamilyName = "Example", GivenName = "Alex", Honorific = "Dr", NativeName = "示例", NativeNameLanguage = "zh-Hans",
        CountryCode = "CN", Email = "delegate@example.org", Position = "Director", Organization = "Example City",
    };

    /// <summary>For the preview of notices about a session or a link, an example of each, marked as such.</summary>
    private static NoticeExtras Examples() => new(
        "Special-topic forum (example)", "专题论坛（示例）", new DateTime(2010, 6, 23, 6, 0, 0, DateTimeKind.Utc), "Room (example)", "会议室（示例）",
        "https://example.org/confirm-example");
}
