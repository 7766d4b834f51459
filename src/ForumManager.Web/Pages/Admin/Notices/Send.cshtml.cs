using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Notices;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Logistics;
using ForumManager.Features.Notices;
using ForumManager.Mail;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Pages.Admin.Notices;

/// <summary>A notice to many: the audience, the wording (free-form, or a kind's templates), the files; a preview for a sample recipient, the count, and sending.</summary>
public sealed class SendModel(ForumDbContext db, CurrentForum current, NoticeRenderer renderer, NoticeBatchRequests batches,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public RegistrationStatus? Status { get; set; } = RegistrationStatus.Approved;
    [BindProperty] public DelegateCategory? Category { get; set; }
    [BindProperty] public int? Delegation { get; set; }
    [BindProperty, StringLength(2)] public string? Country { get; set; }
    [BindProperty] public int? Session { get; set; }
    [BindProperty] public DateOnly? ArrivalDay { get; set; }
    [BindProperty] public int? Hotel { get; set; }
    public IReadOnlyList<DateOnly> ArrivalDays { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Hotels { get; private set; } = [];
    [BindProperty] public NoticeKind Kind { get; set; } = NoticeKind.FreeForm;
    [BindProperty, StringLength(1000, ErrorMessage = "Validation_MaxLength"), Display(Name = "Notices_SubjectEn")] public string SubjectEn { get; set; } = string.Empty;
    [BindProperty, StringLength(20000, ErrorMessage = "Validation_MaxLength"), Display(Name = "Notices_BodyEn")] public string BodyEn { get; set; } = string.Empty;
    [BindProperty, StringLength(1000, ErrorMessage = "Validation_MaxLength"), Display(Name = "Notices_SubjectZh")] public string SubjectZh { get; set; } = string.Empty;
    [BindProperty, StringLength(20000, ErrorMessage = "Validation_MaxLength"), Display(Name = "Notices_BodyZh")] public string BodyZh { get; set; } = string.Empty;
    [BindProperty, Display(Name = "Notices_AttachAgenda")] public bool AttachAgenda { get; set; }
    [BindProperty, Display(Name = "Notices_AttachVisaLetter")] public bool AttachVisaLetter { get; set; }
    [BindProperty, Display(Name = "Notices_AttachQrCode")] public bool AttachQrCode { get; set; }

    public IReadOnlyList<(int Id, string Name)> Delegations { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Sessions { get; private set; } = [];
    public int? Count { get; private set; }
    public MailDraft? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        (SubjectEn, BodyEn) = await renderer.TemplateAsync(forum.Id, NoticeKind.FreeForm, "en", ct);
        (SubjectZh, BodyZh) = await renderer.TemplateAsync(forum.Id, NoticeKind.FreeForm, "zh-Hans", ct);
        await LoadAsync(forum, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        await LoadAsync(forum, ct);
        if (Check() && await FirstAsync(forum, ct) is { } first)
        {
            Preview = await TryRenderAsync(forum, first, new NoticeAttachments(AttachAgenda, false, AttachQrCode), ct);
        }

        return Page();
    }

    private Task<Delegate?> FirstAsync(Forum forum, CancellationToken ct) =>
        Audience(forum).AsNoTracking().OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName).Include(d => d.Delegation).FirstOrDefaultAsync(ct);

    /// <summary>The notice for <paramref name="person"/>, or null with the reason at its field when the free-form wording cannot be filled in for them.</summary>
    private async Task<MailDraft?> TryRenderAsync(Forum forum, Delegate person, NoticeAttachments? attachments, CancellationToken ct)
    {
        try
        {
            return await renderer.RenderAsync(forum, person, Kind, NoticeExtras.None, ct, Wording(), attachments);
        }
        catch (NoticeTemplateException e) when (Kind == NoticeKind.FreeForm)
        {
            var field = (e.Part, e.Language) switch
            {
                ("subject", "zh-Hans") => nameof(SubjectZh),
                ("subject", _) => nameof(SubjectEn),
                (_, "zh-Hans") => nameof(BodyZh),
                _ => nameof(BodyEn),
            };
            ModelState.AddModelError(field, NoticeSandbox.Describe(e.Code, (key, args) => text[key, args]));
            return null;
        }
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        // A free-form wording is filled in for the first recipient in both languages before anything is sent, so
        // one that runs away is refused at its field instead of failing for every recipient.
        if (Check() && Kind == NoticeKind.FreeForm && await FirstAsync(forum, ct) is { } first)
        {
            foreach (var language in new[] { "en", "zh-Hans" })
            {
                first.PreferredLanguage = language;
                if (await TryRenderAsync(forum, first, null, ct) is null)
                {
                    break;
                }
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(forum, ct);
            return Page();
        }

        var ids = await Audience(forum).Select(d => d.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            ModelState.AddModelError(string.Empty, text["Badges_NoneMatch"]);
            await LoadAsync(forum, ct);
            return Page();
        }

        var audience = new NoticeAudience(Status, Category, Delegation, string.IsNullOrWhiteSpace(Country) ? null : Country.ToUpperInvariant(), Session, ArrivalDay, Hotel);
        var batchId = await batches.StartAsync(forum, Kind, Wording(), audience, new NoticeAttachments(AttachAgenda, AttachVisaLetter, AttachQrCode), ids,
            User.Identity?.Name ?? "organizer", ct);
        return Redirect($"/admin/notices/batch/{batchId}");
    }

    private NoticeWording? Wording() => Kind == NoticeKind.FreeForm ? new NoticeWording(SubjectEn, BodyEn, SubjectZh, BodyZh) : null;

    private bool Check()
    {
        if (!Enum.IsDefined(Kind))
        {
            ModelState.AddModelError(nameof(Kind), text["Validation_Choose"]);
        }

        if (Kind == NoticeKind.FreeForm)
        {
            var refused = ModelState.Refused();
            ModelState.Check(errors => NoticeTemplateCheck.CheckWording(Wording()!, refused, text, errors));
        }

        return ModelState.IsValid;
    }

    private IQueryable<Delegate> Audience(Forum forum)
    {
        var forumId = forum.Id;
        var country = string.IsNullOrWhiteSpace(Country) ? null : Country.Trim();
        var query = new Delegates.DelegateFilter(null, Status, Category, country, Delegation, null).Apply(db.Delegates.Where(d => d.ForumId == forumId));
        query = TravelAudience.Apply(query, db, forum, ArrivalDay, Hotel);
        if (Session is { } session)
        {
            query = query.Where(d => db.Enrolments.Any(e => e.SessionId == session && e.DelegateId == d.Id && e.Status == EnrolmentStatus.Enrolled));
        }

        return query;
    }

    private async Task LoadAsync(Forum forum, CancellationToken ct)
    {
        var forumId = forum.Id;
        Delegations = await db.DelegationsAsync(forumId, ct);
        ArrivalDays = TravelAudience.ArrivalDays(forum);
        Hotels = await TravelAudience.HotelsAsync(db, forumId, ct);
        Sessions = (await db.Sessions.AsNoTracking().Where(s => s.ForumId == forumId && s.Capacity != null).OrderBy(s => s.StartUtc).Select(s => new { s.Id, s.TitleEn }).ToListAsync(ct))
            .Select(s => (s.Id, s.TitleEn)).ToList();
        Count = await Audience(forum).CountAsync(ct);
    }
}
