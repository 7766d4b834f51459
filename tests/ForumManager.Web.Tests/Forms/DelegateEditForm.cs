using ForumManager.Testing;

namespace ForumManager.Web.Tests;

/// <summary>
/// An organizer's edit of a delegate (/admin/delegates/edit/{id}): category and precedence rank, and the person's
/// fields in <see cref="DelegateFields"/>. The form comes filled with the record, so a test posts only what it changes.
/// </summary>
internal static class DelegateEditForm
{
    public const string Selector = "[data-testid=admin-edit-form]";
    public const string Category = "Category";
    public const string PrecedenceRank = "PrecedenceRank";

    public static string Url(int id) => $"/admin/delegates/edit/{id}";

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, int id, IReadOnlyDictionary<string, string> changes) =>
        HtmlForms.SubmitAsync(client, Url(id), changes, Selector);
}
