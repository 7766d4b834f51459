using System.Globalization;
using AngleSharp.Html.Dom;
using ForumManager.Core.Programme;
using ForumManager.Testing;

namespace ForumManager.Web.Tests;

/// <summary>The organizers' session form: a new session at /admin/programme/session, a saved one at /admin/programme/session/{id}.</summary>
internal static class SessionForm
{
    public const string NewUrl = "/admin/programme/session";
    public const string Selector = "[data-testid=session-form]";
    public const string Type = "Input.Type";
    public const string TitleEn = "Input.TitleEn";
    public const string TitleZh = "Input.TitleZh";
    public const string RoomId = "Input.RoomId";
    public const string Day = "Input.Day";
    public const string Start = "Input.Start";
    public const string Minutes = "Input.Minutes";
    public const string Capacity = "Input.Capacity";
    public const string ExpectedAttendance = "Input.ExpectedAttendance";
    public const string Languages = "Input.Languages";
    public const string Speakers = "Input.Speakers";
    public const string Interpreters = "Input.Interpreters";
    public const string Interpretation = "Input.Interpretation";

    public static string Url(int id) => $"{NewUrl}/{id}";

    /// <summary>A press conference called <paramref name="title"/>, in <paramref name="roomId"/> or in no room, on a day at a time in forum time.</summary>
    public static Dictionary<string, string> Valid(string title, int? roomId, string day, string start, int minutes = 60,
        Action<Dictionary<string, string>>? change = null)
    {
        var values = new Dictionary<string, string>
        {
            [Type] = nameof(SessionType.PressConference),
            [TitleEn] = title,
            [TitleZh] = "新闻发布会 " + title,
            [RoomId] = roomId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            [Day] = day,
            [Start] = start,
            [Minutes] = minutes.ToString(CultureInfo.InvariantCulture),
        };
        change?.Invoke(values);
        return values;
    }

    /// <summary>Adds a session with <paramref name="values"/>.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IReadOnlyDictionary<string, string> values) =>
        HtmlForms.SubmitAsync(client, NewUrl, values, Selector);

    /// <summary>Saves session <paramref name="id"/> as its form shows it, with <paramref name="changes"/>.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, int id, IReadOnlyDictionary<string, string> changes) =>
        HtmlForms.SubmitAsync(client, Url(id), changes, Selector);

    /// <summary>Saves session <paramref name="id"/> from its form already open in <paramref name="page"/>, with <paramref name="changes"/>.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlDocument page, int id, IReadOnlyDictionary<string, string> changes) =>
        HtmlForms.SubmitAsync(client, page, Url(id), changes, Selector);

    /// <summary>The first clash or warning of <paramref name="severity"/> (Error, Warning) the session's page lists.</summary>
    public static string? Conflict(IHtmlDocument page, string severity) =>
        page.QuerySelector($"[data-testid=session-conflicts] [data-severity={severity}]")?.TextContent;
}
