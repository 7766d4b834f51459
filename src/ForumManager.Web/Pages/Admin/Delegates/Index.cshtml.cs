using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Registration;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Registration;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Pages.Admin.Delegates;

/// <summary>The delegate list: search in any script, filters, protocol order, paging, and decisions on many at once.</summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current, RegistrationStatusChanges changes, UserManager<ForumUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string LatinName, string? Honorific, string? NativeName, string? NativeLanguage, string? Delegation,
        string CountryCode, DelegateCategory Category, RegistrationStatus Status, int PrecedenceRank, DateTime CreatedUtc);

    [BindProperty(SupportsGet = true, Name = "q"), StringLength(200)]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public RegistrationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public DelegateCategory? Category { get; set; }

    [BindProperty(SupportsGet = true), StringLength(2)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Delegation { get; set; }

    [BindProperty(SupportsGet = true), StringLength(40)]
    public string? Answer { get; set; }

    [BindProperty(SupportsGet = true), StringLength(200)]
    public string? Contains { get; set; }

    // Nullable: a non-nullable string is implicitly required, and the list's own form sends "sort=" when left alone.
    [BindProperty(SupportsGet = true), RegularExpression("^(precedence|name|country|date)$")]
    public string? Sort { get; set; } = "precedence";

    [BindProperty(SupportsGet = true, Name = "p"), Range(1, 100_000)]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public List<int> Selected { get; set; } = [];

    [BindProperty]
    public RegistrationStatus? Decision { get; set; }

    [BindProperty, StringLength(1000)]
    public string? Reason { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Matching { get; private set; }
    public IReadOnlyDictionary<RegistrationStatus, int> ByStatus { get; private set; } = new Dictionary<RegistrationStatus, int>();
    public IReadOnlyList<(int Id, string Name)> Delegations { get; private set; } = [];
    public IReadOnlyList<string> Countries { get; private set; } = [];
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public int Pages => Math.Max(1, (Matching + PageSize - 1) / PageSize);
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Set when a rejection was asked for without its confirmation: the page then only asks.</summary>
    public ConfirmStep? Confirmation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Sort = "precedence";
            PageNumber = 1;
        }

        Sort ??= "precedence";

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDecideAsync([FromForm(Name = ConfirmStep.Field)] bool confirm, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        if (Selected.Count == 0 || Decision is not ({ } decision and (RegistrationStatus.Approved or RegistrationStatus.Waitlisted or RegistrationStatus.Rejected)))
        {
            ModelState.AddModelError(nameof(Decision), text["Delegates_ChooseSomeoneAndDecision"]);
            await LoadAsync(ct);
            return Page();
        }

        if (decision == RegistrationStatus.Rejected && !confirm)
        {
            Confirmation = await RejectStepAsync(forum.Id, ct);
            return Page();
        }

        var actor = new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer");
        var result = await changes.ChangeAsync(forum.Id, Selected, decision, PersonName.CleanOrNull(Reason), actor, byOrganizer: true, ct);
        TempData["Status"] = text["Delegates_Decided", result.Changed, result.Refused.Count, result.Promoted].Value;
        return RedirectToPage(new { q = Query, Status, Category, Country, Delegation, Answer, Contains, Sort, p = PageNumber });
    }

    /// <summary>What rejecting the selected delegates would do, counted from their status now.</summary>
    private async Task<ConfirmStep> RejectStepAsync(int forumId, CancellationToken ct)
    {
        var selected = Selected.Distinct().ToList();
        var statuses = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId && selected.Contains(d.Id)).Select(d => d.Status).ToListAsync(ct);
        var rejected = statuses.Count(s => StatusTransitions.OrganizerMay(s, RegistrationStatus.Rejected));
        var holding = statuses.Count(s => StatusTransitions.OrganizerMay(s, RegistrationStatus.Rejected) && StatusTransitions.HoldsPlace(s));
        var consequences = new List<string> { text["Delegates_ConfirmEachMailed"] };
        if (holding > 0)
        {
            consequences.Add(text["Delegates_ConfirmPlacesGo", holding, await changes.WaitingAsync(forumId, ct)]);
        }

        if (statuses.Count - rejected + (selected.Count - statuses.Count) is var left and > 0)
        {
            consequences.Add(text["Delegates_ConfirmLeftAlone", left]);
        }

        consequences.Add(text["Delegates_ConfirmRejectUndo"]);
        var back = Url.Page("./Index", new { q = Query, Status, Category, Country, Delegation, Answer, Contains, Sort, p = PageNumber }) ?? "/admin/delegates";
        return new ConfirmStep(rejected == 1 ? text["Delegates_ConfirmRejectOne"] : text["Delegates_ConfirmRejectMany", rejected], consequences,
            text["Delegates_Reject"], back);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return false;
        }

        Zone = forum.TimeZone;
        var forumId = forum.Id;
        var all = db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId);
        ByStatus = await all.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Delegations = await db.DelegationsAsync(forumId, ct);
        Questions = await db.Questions.AsNoTracking().Include(q => q.Choices).Where(q => q.ForumId == forumId)
            .OrderBy(q => q.Position).ThenBy(q => q.Id).AsSplitQuery().ToListAsync(ct);
        var chinese = UiLanguage.Chinese;
        var present = await all.Select(d => d.CountryCode).Distinct().ToListAsync(ct);
        Countries = [.. Core.Registration.Countries.SortedFor(chinese).Select(c => c.Code).Where(present.Contains), .. present.Where(c => !Core.Registration.Countries.IsKnown(c)).Order()];

        var query = Filters.Apply(all);
        Matching = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await Filters.Order(query)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(d => new Row(d.Id, d.FamilyName.ToUpper() + " " + d.GivenName, d.Honorific, d.NativeName, d.NativeNameLanguage,
                d.Delegation == null ? null : chinese ? d.Delegation.NameZh : d.Delegation.NameEn, d.CountryCode, d.Category, d.Status, d.PrecedenceRank, d.CreatedUtc))
            .ToListAsync(ct);
        return true;
    }

    private DelegateFilter Filters => new(Query, Status, Category, Country, Delegation, Sort, Answer, Contains);
}
