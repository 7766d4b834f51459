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

/// <summary>Every meeting request by status, and "Schedule all accepted", which confirms the planner's proposals in one go.</summary>
public sealed class IndexModel(CurrentForum current, MeetingViews views, MeetingScheduling scheduling, UserManager<ForumUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MeetingStatus? Status { get; set; }

    public Forum? Forum { get; private set; }
    public IReadOnlyList<MeetingRow> All { get; private set; } = [];
    public IEnumerable<MeetingRow> Shown => Status is { } s ? All.Where(m => m.Status == s) : All;

    /// <summary>After "Schedule all accepted": how many were confirmed, and each one left over with its reason.</summary>
    public int? Scheduled { get; private set; }
    public IReadOnlyList<(MeetingRow Meeting, string Why)> Unplaced { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScheduleAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        var result = await scheduling.ScheduleAllAsync(forum, new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), ct);
        await LoadAsync(ct);
        Scheduled = result.Confirmed.Count;
        var unplaced = new List<(MeetingRow, string)>();
        foreach (var problem in result.Unplaced)
        {
            if (All.FirstOrDefault(m => m.Id == problem.RequestId) is { } row)
            {
                unplaced.Add((row, await scheduling.DescribeAsync(problem, ct)));
            }
        }

        Unplaced = unplaced;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        if (Forum is null)
        {
            return false;
        }

        All = await views.ListAsync(Forum.Id, null, null, ct);
        return true;
    }

    public string When(MeetingRow row) => row.StartUtc is { } start && Forum is not null
        ? MeetingInvitations.When(start, row.EndUtc!.Value, Forum.TimeZone) : text["Meetings_NoTimeYet"];
}
