using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// The one-line message the layout shows after a redirect (TempData "Status"). A refusal is marked as such, so the
/// layout shows it as an alert rather than in the colour of success.
/// </summary>
public static class StatusLine
{
    public const string KindKey = "StatusKind";
    public const string Error = "error";

    public static void Refusal(this ITempDataDictionary tempData, string message)
    {
        tempData["Status"] = message;
        tempData[KindKey] = Error;
    }

    /// <summary>A message that is a success or a refusal depending on the outcome it describes.</summary>
    public static void Outcome(this ITempDataDictionary tempData, string message, bool refused)
    {
        if (refused)
        {
            tempData.Refusal(message);
        }
        else
        {
            tempData["Status"] = message;
        }
    }
}
