using System.Net;
using AngleSharp.Html.Dom;
using ForumManager.Testing;

namespace ForumManager.Web.Tests;

/// <summary>The confirmation step an irreversible action answers its first post with, read and confirmed as a person would.</summary>
public static class ConfirmSteps
{
    /// <summary>Asserts that <paramref name="response"/> only asks (nothing is done yet) and returns the page that asks.</summary>
    public static async Task<IHtmlDocument> AskedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("[data-testid=confirm-step]"));
        return page;
    }

    public static string Question(IHtmlDocument page) => page.QuerySelector("[data-testid=confirm-question]")!.TextContent.Trim();

    public static string Consequences(IHtmlDocument page) => page.QuerySelector("[data-testid=confirm-consequences]")!.TextContent;

    /// <summary>Presses the step's Confirm button: its form repeats the first post with confirm=true.</summary>
    public static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, IHtmlDocument page, string pageUrl) =>
        HtmlForms.SubmitAsync(client, page, pageUrl, new Dictionary<string, string>(), "[data-testid=confirm-step] form");
}
