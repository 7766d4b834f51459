using ForumManager.Core.Forums;
using ForumManager.Features.CheckIns;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.CheckIns;

/// <summary>A scan's answer as one sentence in the desk's language, for the page that works without script.</summary>
public static class DeskMessages
{
    public static string Describe(IStringLocalizer text, ScanAnswer answer, Forum forum)
    {
        var name = answer.Delegate!.LatinName;
        return answer.Result switch
        {
            ScanResults.CheckedIn => text["Checkin_Done", name].Value,
            ScanResults.Admitted => text["Checkin_Admitted", name].Value,
            ScanResults.Refused => text["Checkin_Refused", name, text["Refusal_" + answer.Reason].Value].Value,
            ScanResults.AlreadyCheckedIn => text["Checkin_Already", name, ForumTime.ToLocal(answer.CheckedInUtc!.Value, forum.TimeZone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), answer.CheckedInBy ?? ""].Value,
            _ => text["Checkin_NotApproved", name].Value,
        };
    }
}
