using ForumManager.Testing;

namespace ForumManager.Web.Tests;

/// <summary>
/// A head of delegation's member: added with the form on /me/delegation, corrected on /me/delegation/member/{id}.
/// Both post the same fields.
/// </summary>
internal static class MemberForm
{
    public const string AddUrl = "/me/delegation";
    public const string AddSelector = "[data-testid=add-member]";
    public const string Selector = "[data-testid=member-form]";
    public const string Honorific = "Input.Honorific";
    public const string FamilyName = "Input.FamilyName";
    public const string GivenName = "Input.GivenName";
    public const string NativeName = "Input.NativeName";
    public const string Position = "Input.Position";
    public const string Email = "Input.Email";
    public const string PreferredLanguage = "Input.PreferredLanguage";

    public static string Url(int memberId) => $"/me/delegation/member/{memberId}";

    /// <summary>Salma Bennani at <paramref name="email"/>, who reads English.</summary>
    public static Dictionary<string, string> Valid(string email, Action<Dictionary<string, string>>? change = null)
    {
        var values = new Dictionary<string, string>
        {
            [FamilyName] = "Bennani",
            [GivenName] = "Salma",
            [Email] = email,
            [PreferredLanguage] = "en",
        };
        change?.Invoke(values);
        return values;
    }

    /// <summary>Adds a member with <paramref name="values"/> through the form on the head's delegation page.</summary>
    public static Task<HttpResponseMessage> AddAsync(HttpClient client, IReadOnlyDictionary<string, string> values) =>
        HtmlForms.SubmitAsync(client, AddUrl, values, AddSelector);

    /// <summary>Saves member <paramref name="memberId"/> as the form shows them, with <paramref name="changes"/>.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, int memberId, IReadOnlyDictionary<string, string> changes) =>
        HtmlForms.SubmitAsync(client, Url(memberId), changes, Selector);
}
