using AngleSharp.Html.Dom;
using ForumManager.Testing;
using static ForumManager.Web.Tests.DelegateFields;

namespace ForumManager.Web.Tests;

/// <summary>The registration form (/register): a valid registration, changed as a test needs.</summary>
internal static class RegistrationForm
{
    public const string Url = "/register";
    public const string Password = "Input.Password";
    public const string ConfirmPassword = "Input.ConfirmPassword";
    public const string Consent = "Input.Consent";
    public const string StayNeeded = "Stay.Needed";
    public const string StayCheckIn = "Stay.CheckIn";
    public const string StayCheckOut = "Stay.CheckOut";
    public const string StayType = "Stay.Type";
    public const string StaySharing = "Stay.Sharing";

    public static Dictionary<string, string> Valid(string email, Action<Dictionary<string, string>>? change = null)
    {
        var values = new Dictionary<string, string>
        {
            [Honorific] = "Dr",
            [FamilyName] = "Zhang",
            [GivenName] = "Wei",
            [NativeName] = "张伟",
            [Position] = "Director of Foreign Affairs",
            [Organization] = "Changsha Municipal Government",
            [Email] = email,
            [Phone] = "+86 731 8888 8888",
            [CountryCode] = "CN",
            [PreferredLanguage] = "zh-Hans",
            [Password] = ForumAppFactory.Password,
            [ConfirmPassword] = ForumAppFactory.Password,
            [Consent] = "true",
        };
        change?.Invoke(values);
        return values;
    }

    /// <summary>Opens /register and posts a valid registration for <paramref name="email"/>, changed by <paramref name="change"/>.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string email, Action<Dictionary<string, string>>? change = null) =>
        HtmlForms.SubmitAsync(client, Url, Valid(email, change));

    /// <summary>Posts a valid registration from a form already open, at <paramref name="url"/>: /register, or an invitation's link.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlDocument page, string email, Action<Dictionary<string, string>>? change = null,
        string url = Url) =>
        HtmlForms.SubmitAsync(client, page, url, Valid(email, change));
}
