using AngleSharp.Html.Dom;
using ForumManager.Testing;

namespace ForumManager.Web.Tests;

/// <summary>
/// A delegate's own edit of their registration (/me/edit), fields in <see cref="DelegateFields"/>. The form comes filled
/// with the registration as it stands, so a test posts only what it changes.
/// </summary>
internal static class MyRegistrationForm
{
    public const string Url = "/me/edit";
    public const string Selector = "[data-testid=edit-form]";

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IReadOnlyDictionary<string, string> changes) =>
        HtmlForms.SubmitAsync(client, Url, changes, Selector);

    /// <summary>Saves from the form already open in <paramref name="page"/>, with the version it was opened at.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlDocument page, IReadOnlyDictionary<string, string> changes) =>
        HtmlForms.SubmitAsync(client, page, Url, changes, Selector);
}
