namespace ForumManager.Testing;

/// <summary>
/// The sign-in form (/Identity/Account/Login). It lives beside <see cref="Clients"/>, which signs every test's clients in
/// through it, so that its address and field names are written once.
/// </summary>
public static class SignInForm
{
    public const string Url = "/Identity/Account/Login";
    public const string Email = "Input.Email";
    public const string Password = "Input.Password";

    /// <summary>Signs in as a browser would; <paramref name="returnUrl"/> is the page the person was sent from, if any.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string email, string password = ForumAppFactory.Password, string? returnUrl = null) =>
        HtmlForms.SubmitAsync(client, returnUrl is null ? Url : $"{Url}?returnUrl={Uri.EscapeDataString(returnUrl)}",
            new Dictionary<string, string> { [Email] = email, [Password] = password });
}
