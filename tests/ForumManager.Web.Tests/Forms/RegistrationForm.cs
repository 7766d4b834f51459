using ForumManager.Testing;

namespace ForumManager.Web.Tests;

/// <summary>The registration form (/register): a valid registration, changed as a test needs.</summary>
internal static class RegistrationForm
{
    public const string Url = "/register";

    public static Dictionary<string, string> Valid(string email, Action<Dictionary<string, string>>? change = null)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Honorific"] = "Dr",
            ["Input.FamilyName"] = "Zhang",
            ["Input.GivenName"] = "Wei",
            ["Input.NativeName"] = "张伟",
            ["Input.Position"] = "Director of Foreign Affairs",
            ["Input.Organization"] = "Changsha Municipal Government",
            ["Input.Email"] = email,
            ["Input.Phone"] = "+86 731 8888 8888",
            ["Input.CountryCode"] = "CN",
            ["Input.PreferredLanguage"] = "zh-Hans",
            ["Input.Password"] = ForumAppFactory.Password,
            ["Input.ConfirmPassword"] = ForumAppFactory.Password,
            ["Input.Consent"] = "true",
        };
        change?.Invoke(values);
        return values;
    }
}
