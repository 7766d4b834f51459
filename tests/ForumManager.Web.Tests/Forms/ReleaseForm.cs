using AngleSharp.Html.Dom;
using ForumManager.Testing;

namespace ForumManager.Web.Tests;

/// <summary>Publishing the programme's changes as a release (/admin/programme/release), with a changelog.</summary>
internal static class ReleaseForm
{
    public const string Url = "/admin/programme/release";
    public const string Selector = "[data-testid=release-form]";
    public const string Changelog = "Changelog";

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string changelog) =>
        HtmlForms.SubmitAsync(client, Url, new Dictionary<string, string> { [Changelog] = changelog }, Selector);

    /// <summary>Publishes from the page already open in <paramref name="page"/>.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlDocument page, string changelog) =>
        HtmlForms.SubmitAsync(client, page, Url, new Dictionary<string, string> { [Changelog] = changelog }, Selector);
}
