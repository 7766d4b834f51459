using System.Net.Http.Headers;
using System.Security.Cryptography;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using ForumManager.Features.Integrations;
using ForumManager.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Web.Tests.Api;

/// <summary>
/// How the resource tests call the API: as a real token would, with a token row of the forum and the scopes asked for
/// (its prefix and SHA-256, as an admin's page makes them) and <c>Authorization: Bearer</c>, so every call goes through
/// the token scheme, its scope policies and its rate limit.
/// </summary>
public static class ApiTestAuth
{
    /// <summary>
    /// A token row as an admin's page makes one (<c>fmk_</c>, the prefix, <c>_</c>, the secret; stored as its prefix and
    /// SHA-256), and the token itself, for a test or a bench to add to its database.
    /// </summary>
    public static (ApiToken Row, string Token) NewToken(int forumId, string name, IEnumerable<string> scopes, DateTime? expiresUtc = null, DateTime? revokedUtc = null)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var prefix = ApiTokenIssuer.TokenStart + RandomNumberGenerator.GetString(alphabet, ApiTokenIssuer.PrefixLength - ApiTokenIssuer.TokenStart.Length);
        var token = prefix + "_" + RandomNumberGenerator.GetString(alphabet, 32);
        return (new ApiToken
        {
            ForumId = forumId, Name = name, Scopes = string.Join(' ', scopes), Prefix = prefix, SecretHash = ApiTokenIssuer.Hash(token),
            CreatedUtc = DateTime.UtcNow.AddDays(-1), CreatedByName = "test", ExpiresUtc = expiresUtc ?? DateTime.UtcNow.AddDays(30),
            RevokedUtc = revokedUtc,
        }, token);
    }

    /// <summary>A client calling as a new token of <paramref name="forumId"/> named <paramref name="name"/> with <paramref name="scopes"/>.</summary>
    public static HttpClient Client(ForumAppFactory app, int forumId, string name, params string[] scopes)
    {
        var (row, token) = NewToken(forumId, name, scopes);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
            db.ApiTokens.Add(row);
            db.SaveChanges();
        }

        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>The app the resource tests call through real tokens.</summary>
public class ApiAppFactory : ForumAppFactory
{
    public HttpClient Api(int forumId, params string[] scopes) => ApiTestAuth.Client(this, forumId, "partner", scopes);
}
