using ForumManager.Core.Forums;
using ForumManager.Features.Protocol;

namespace ForumManager.Web.Pages.Admin.Protocol.Meetings;

/// <summary>What the meeting request form shows, for an organizer on /admin/meetings/new and a head on /me/meetings.</summary>
/// <param name="Partners">The departments and delegations to meet (value "h:3" or "d:7", label); empty when already chosen.</param>
public sealed record RequestFormView(MeetingRequestInput Input, IReadOnlyList<(string Value, string Label)> Partners,
    IReadOnlyList<MeetingPersonChoice> People, IReadOnlyList<string> Pairs, Forum Forum, string SubmitText)
{
    public IEnumerable<DateOnly> Days
    {
        get
        {
            for (var day = Forum.StartDate; day <= Forum.EndDate; day = day.AddDays(1))
            {
                yield return day;
            }
        }
    }

    /// <summary>"Asia/Shanghai, UTC+08:00": the zone the times are typed in.</summary>
    public string Zone => $"{Forum.TimeZoneId}, {ForumTime.OffsetLabel(ForumTime.ToUtc(Forum.StartDate, new TimeOnly(12, 0), Forum.TimeZone), Forum.TimeZone)}";
}
