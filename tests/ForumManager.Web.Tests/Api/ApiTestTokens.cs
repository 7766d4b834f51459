using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using ForumManager.Core.Integrations;
using ForumManager.Features.Integrations;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests.Api;

/// <summary>Tokens written straight into the database, as the shared decisions allow (prefix and SHA-256 of the whole token).</summary>
public static class ApiTestTokens
{
    public static async Task<string> AddAsync(ForumAppFactory app, IEnumerable<string> scopes, DateTime? expiresUtc = null, DateTime? revokedUtc = null)
    {
        var token = string.Empty;
        await app.WithDbAsync(async db =>
        {
            var made = ApiTestAuth.NewToken(await db.Forums.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync(), "Test", scopes, expiresUtc, revokedUtc);
            made.Row.Name = "Test " + made.Row.Prefix;
            token = made.Token;
            db.ApiTokens.Add(made.Row);
            return await db.SaveChangesAsync();
        });
        return token;
    }

    /// <summary>
    /// The first operation of the document that reads with programme:read and has no path parameter (the stand-in
    /// /api/v1/forum, or the resources' own), for tests that need any call a programme:read token may make.
    /// </summary>
    public static async Task<string> ProgrammeReadPathAsync(HttpClient client)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/v1/openapi.json"))!;
        return document["paths"]!.AsObject()
            .First(p => !p.Key.Contains('{', StringComparison.Ordinal) && p.Value!["get"]?["x-required-scope"]?.GetValue<string>() == ApiScopes.ProgrammeRead).Key;
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token, string? language = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return request;
    }

    /// <summary>Asserts an RFC 9457 problem with the status and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {status}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
