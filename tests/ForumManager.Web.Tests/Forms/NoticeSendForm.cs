using ForumManager.Testing;

namespace ForumManager.Web.Tests;

/// <summary>
/// Sending a notice to many (/admin/notices/send): whom to (status, category, delegation, country, session, arrival day,
/// hotel), what (a template or free text in both languages) and what to attach. What a test leaves out goes as the page
/// has it: approved delegates, free text.
/// </summary>
internal static class NoticeSendForm
{
    public const string Url = "/admin/notices/send";
    public const string Selector = "[data-testid=send-form]";
    public const string SendButton = "[data-testid=send]";
    public const string Status = "Status";
    public const string Delegation = "Delegation";
    public const string Country = "Country";
    public const string Kind = "Kind";
    public const string SubjectEn = "SubjectEn";
    public const string BodyEn = "BodyEn";
    public const string SubjectZh = "SubjectZh";
    public const string BodyZh = "BodyZh";
    public const string AttachAgenda = "AttachAgenda";
    public const string AttachVisaLetter = "AttachVisaLetter";
    public const string AttachQrCode = "AttachQrCode";

    /// <summary>Presses Send with <paramref name="values"/>; a batch that starts answers with a redirect to its page.</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, IReadOnlyDictionary<string, string> values) =>
        HtmlForms.SubmitAsync(client, Url, values, Selector, button: SendButton);
}
