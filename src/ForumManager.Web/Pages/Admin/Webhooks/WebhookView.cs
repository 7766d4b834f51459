using ForumManager.Core.Forums;

namespace ForumManager.Web.Pages.Admin.Webhooks;

/// <summary>How the webhook pages write an event's name and a time.</summary>
public static class WebhookView
{
    public static string EventKey(string type) => "WebhookEvent_" + type.Replace('.', '_');

    public static string Time(DateTime? utc, TimeZoneInfo zone) =>
        utc is { } at ? $"{ForumTime.ToLocal(at, zone):yyyy-MM-dd HH:mm:ss} ({ForumTime.OffsetLabel(at, zone)})" : string.Empty;
}
