using AngleSharp.Html.Dom;

namespace ForumManager.Web.Tests;

/// <summary>What the page a form answers with says about the values posted, read where a person reads it.</summary>
internal static class AnswerPage
{
    /// <summary>The message shown next to <paramref name="field"/>; null when the page has no place for one.</summary>
    public static string? FieldError(this IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim();

    /// <summary>Whether any field has a message next to it.</summary>
    public static bool HasFieldError(this IHtmlDocument page) =>
        page.QuerySelectorAll(".field-error").Any(e => e.TextContent.Trim().Length > 0);

    /// <summary>The message above the form about the whole of it; null when there is none.</summary>
    public static string? Summary(this IHtmlDocument page) =>
        page.QuerySelector(".validation-summary")?.TextContent.Trim();
}
