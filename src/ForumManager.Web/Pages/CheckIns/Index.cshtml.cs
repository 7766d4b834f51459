using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Forums;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Documents.Badges;
using ForumManager.Features;
using ForumManager.Features.CheckIns;
using ForumManager.Features.Forums;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.CheckIns;

/// <summary>
/// The check-in desk: a scanner types a token and Enter into the search box (the page's script sends it to the scan
/// endpoint; without script the token is looked up like a name), or staff search by any name, email or delegation.
/// </summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current, CheckInDesk desk, UserManager<ForumUser> users, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public sealed record Row(DeskDelegate Person, DateTime? CheckedInLocal, string? CheckedInBy);

    [BindProperty(SupportsGet = true, Name = "q")]
    [StringLength(200)]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "checkpoint")]
    public string? Checkpoint { get; set; }

    /// <summary>The layout staff chose at the desk for printing; none means the one set for the delegate's category.</summary>
    [BindProperty(SupportsGet = true, Name = "layout")]
    public BadgeLayout? Layout { get; set; }

    /// <summary>The delegate this desk has just checked in, whose row says so as a success rather than as an alert.</summary>
    [BindProperty(SupportsGet = true, Name = "done")]
    public int? Done { get; set; }

    /// <summary>The delegate whose badge this desk has just reprinted: the page confirms it and links the new badge.</summary>
    [BindProperty(SupportsGet = true, Name = "reprinted")]
    public int? Reprinted { get; set; }

    [BindProperty]
    [StringLength(500, ErrorMessage = "Checkin_ReasonTooLong")]
    public string? Reason { get; set; }

    /// <summary>A reprint is done only once staff have confirmed it; the first post asks.</summary>
    [BindProperty(Name = ConfirmStep.Field)]
    public bool Confirmed { get; set; }

    public IReadOnlyList<Row> Results { get; private set; } = [];
    public IReadOnlyList<(string Code, string NameEn, string NameZh)> CheckpointList { get; private set; } = [];
    public CheckInCounts? Counts { get; private set; }
    public bool Searched { get; private set; }
    public string CurrentCheckpoint => string.IsNullOrWhiteSpace(Checkpoint) ? Checkpoints.Main : Checkpoint;
    public int? ReasonFor { get; private set; }

    /// <summary>The reprint that waits for confirmation: what it will do, asked as every irreversible action is.</summary>
    public ConfirmStep? Confirmation { get; private set; }

    public DeskDelegate? ReprintedPerson { get; private set; }

    /// <summary>The badge's address in the layout chosen at the desk.</summary>
    public string BadgeUrl(int id) => Layout is { } layout && Enum.IsDefined(layout)
        ? $"/checkin/badges/{id}.pdf?layout={layout}" : $"/checkin/badges/{id}.pdf";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is { } forum)
        {
            await LoadAsync(forum, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCheckInAsync(int id, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || !await desk.IsCheckpointAsync(forum.Id, CurrentCheckpoint, ct))
        {
            return NotFound();
        }

        var answer = await desk.CheckInAsync(forum.Id, id, CurrentCheckpoint, null, User.Identity?.Name ?? "staff", ct);
        if (answer.Delegate is null)
        {
            return NotFound();
        }

        TempData.Outcome(DeskMessages.Describe(text, answer, forum), refused: answer.Result is not (ScanResults.CheckedIn or ScanResults.AlreadyCheckedIn or ScanResults.Admitted));
        return RedirectToPage(new { q = Query, checkpoint = CurrentCheckpoint, layout = Layout, done = answer.Result == ScanResults.CheckedIn ? id : (int?)null });
    }

    /// <summary>
    /// Reprints a badge with a new token, so the lost one stops opening doors. The first post asks staff to confirm and
    /// says what will happen; the confirmed one changes the token, records the reprint and its reason, and comes back to
    /// the desk, which confirms it and links the new badge.
    /// </summary>
    public async Task<IActionResult> OnPostReprintAsync(int id, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        var reason = PersonName.Clean(Reason);
        if (reason.Length == 0)
        {
            ModelState.AddModelError(nameof(Reason), text["Checkin_ReasonRequired"].Value);
        }

        if (!ModelState.IsValid || !Confirmed)
        {
            ReasonFor = id;
            if (ModelState.IsValid)
            {
                if (await desk.DescribeAsync(forum.Id, id, ct) is not { } person)
                {
                    return NotFound();
                }

                Reason = reason;
                Confirmation = new ConfirmStep(text["Checkin_ReprintConfirmTitle", person.LatinName],
                [
                    text["Checkin_ReprintNewCode"],
                    text["Checkin_ReprintOldStops", person.LatinName],
                    text["Checkin_ReprintRecorded", reason],
                ], text["Checkin_ReprintConfirm"], Url.Page("Index", new { q = Query, checkpoint = CurrentCheckpoint, layout = Layout })!);
            }

            await LoadAsync(forum, ct);
            return Page();
        }

        var outcome = await desk.ReprintAsync(forum, id, Layout is { } chosen && Enum.IsDefined(chosen) ? chosen : null, reason,
            new Actor(users.GetUserId(User), User.Identity?.Name ?? "staff"), ct);
        if (outcome == ReprintOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome == ReprintOutcome.NotCleared)
        {
            TempData.Refusal(text["Badge_NotCleared"].Value);
            return RedirectToPage(new { q = Query, checkpoint = CurrentCheckpoint, layout = Layout });
        }

        return RedirectToPage(new { q = Query, checkpoint = CurrentCheckpoint, layout = Layout, reprinted = id });
    }

    private async Task LoadAsync(Forum forum, CancellationToken ct)
    {
        CheckpointList = await desk.CheckpointsAsync(forum.Id, ct);
        if (CheckpointList.All(c => c.Code != CurrentCheckpoint))
        {
            Checkpoint = Checkpoints.Main;
        }

        Counts = await CheckInCounts.ForAsync(db, forum.Id, CurrentCheckpoint, UiLanguage.Chinese, ct);
        if (Reprinted is { } reprinted)
        {
            ReprintedPerson = await desk.DescribeAsync(forum.Id, reprinted, ct);
        }

        var term = PersonName.Clean(Query);
        if (term.Length == 0 || !ModelState.IsValid && ReasonFor is null)
        {
            return;
        }

        Searched = true;
        var forumId = forum.Id;
        var token = CheckInTokens.Normalize(term);
        var query = db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId);
        query = token is not null
            ? query.Where(d => d.CheckInToken == token)
            : new Admin.Delegates.DelegateFilter(term, null, null, null, null, null).Apply(query);
        var ids = await query.OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName).Take(50).Select(d => d.Id).ToListAsync(ct);
        var checkpoint = CurrentCheckpoint;
        var checkIns = await db.CheckIns.AsNoTracking()
            .Where(c => ids.Contains(c.DelegateId) && c.Checkpoint == checkpoint)
            .ToDictionaryAsync(c => c.DelegateId, ct);
        var people = (await desk.DescribeAsync(forumId, ids, ct)).ToDictionary(p => p.Id);
        Results = ids.Where(people.ContainsKey).Select(id =>
        {
            checkIns.TryGetValue(id, out var checkIn);
            return new Row(people[id], checkIn is null ? null : ForumTime.ToLocal(checkIn.CheckedInUtc, forum.TimeZone), checkIn?.ByName);
        }).ToList();
    }
}
