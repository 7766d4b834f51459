using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ForumManager.Testing;

public static class Clients
{
    public static HttpClient Anonymous(ForumAppFactory app, string? language = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    /// <summary>A client signed in through the real sign-in form as a new account with <paramref name="role"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(ForumAppFactory app, string role)
    {
        var email = await app.CreateUserAsync(role);
        return await SignInAsync(app, email, ForumAppFactory.Password);
    }

    public static async Task<HttpClient> SignInAsync(ForumAppFactory app, string email, string password)
    {
        var client = Anonymous(app);
        var response = await SignInForm.SubmitAsync(client, email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} answered {(int)response.StatusCode}");
        return client;
    }
}
