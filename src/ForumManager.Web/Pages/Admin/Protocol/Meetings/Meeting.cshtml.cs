using System.Globalization;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Protocol;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Protocol;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Protocol.Meetings;

/// <summary>
/// One meeting from request to minutes: accept or decline it, see the planner's slots and confirm one, cancel it,
/// print the briefing, and after the meeting record the minutes and the outcome.
/// </summary>
public sealed class MeetingModel(CurrentForum current, MeetingViews views, MeetingRequests requests, MeetingScheduling scheduling,
    UserManager<ForumUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    private Actor Actor => new(users.GetUserId(User), User.Identity?.Name ?? "organizer");

    public Forum? Forum { get; private set; }
    public Meeting? Meeting { get; private set; }
    public MeetingRow? Row { get; private set; }
    public IReadOnlyList<MeetingPersonRow> People { get; private set; } = [];
    public IReadOnlyList<MeetingSlot> Slots { get; private set; } = [];
    public string? Why { get; private set; }

    /// <summary>Room and interpreter names by id, for the slots.</summary>
    public IReadOnlyDictionary<int, string> Rooms { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyDictionary<int, string> Interpreters { get; private set; } = new Dictionary<int, string>();

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Minutes { get; set; }

    [BindProperty]
    public MeetingOutcome Outcome { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var accepted = await requests.AcceptAsync(Forum!.Id, id, Actor, ct);
        TempData.Outcome(accepted ? text["Meetings_AcceptedNow"].Value : text["Meetings_AlreadyDecided"].Value, refused: !accepted);
        return Redirect($"/admin/meetings/{id}");
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        if (!await requests.DeclineAsync(Forum!, id, Reason, Actor, errors, ct))
        {
            ModelState.AddErrors(errors);
            return Page();
        }

        TempData["Status"] = text["Meetings_DeclinedNow"].Value;
        return Redirect($"/admin/meetings/{id}");
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, string start, int room, int? interpreter, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!DateTime.TryParseExact(start, "O", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var startUtc))
        {
            return BadRequest();
        }

        var result = await scheduling.ConfirmAsync(Forum!, id, startUtc, room, interpreter, Actor, ct);
        var message = result.Outcome switch
        {
            ConfirmOutcome.Confirmed => text["Meetings_ConfirmedNow"].Value,
            ConfirmOutcome.Clash => text["Meetings_Clash", await scheduling.DescribeAsync(result.Problem!, ct)].Value,
            ConfirmOutcome.OutsideForum => text["Meetings_OutsideForum"].Value,
            _ => text["Meetings_CannotConfirm"].Value,
        };
        TempData.Outcome(message, refused: result.Outcome != ConfirmOutcome.Confirmed);
        return Redirect($"/admin/meetings/{id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var cancelled = await scheduling.CancelAsync(Forum!, id, Actor, ct);
        TempData.Outcome(cancelled ? text["Meetings_CancelledNow"].Value : text["Meetings_CannotCancel"].Value, refused: !cancelled);
        return Redirect($"/admin/meetings/{id}");
    }

    public async Task<IActionResult> OnPostMinutesAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        if (ModelState.GetFieldValidationState(nameof(Outcome)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            // An outcome that is none of the three is not read as "nothing signed".
            errors.Add(nameof(Outcome), text["Validation_Choose"]);
        }

        if (!errors.IsEmpty || !await scheduling.RecordAsync(Forum!, id, Minutes, Outcome, Actor, errors, ct))
        {
            ModelState.Clear();
            ModelState.AddErrors(errors);
            return Page();
        }

        TempData["Status"] = text["Meetings_MinutesSaved"].Value;
        return Redirect($"/admin/meetings/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        Meeting = Forum is null ? null : await views.FindAsync(Forum.Id, id, ct);
        if (Meeting is null)
        {
            return false;
        }

        var rows = await views.ListAsync(Forum!.Id, null, null, ct);
        Row = rows.Single(r => r.Id == id);
        People = await views.PeopleAsync(Meeting, ct);
        Minutes ??= Meeting.Minutes;
        if (Request.Method == "GET")
        {
            Outcome = Meeting.Outcome;
        }

        if (Meeting.Status is MeetingStatus.Accepted or MeetingStatus.Confirmed)
        {
            var (slots, problem) = await scheduling.OptionsAsync(Forum, id, ct);
            Slots = slots;
            Why = problem is null ? null : await scheduling.DescribeAsync(problem, ct);
            (Rooms, Interpreters) = await views.NamesAsync(Forum.Id, ct);
        }

        return true;
    }

    public string When(DateTime startUtc, DateTime endUtc) => MeetingInvitations.When(startUtc, endUtc, Forum!.TimeZone);
}
