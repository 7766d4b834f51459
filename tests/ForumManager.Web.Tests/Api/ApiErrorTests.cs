using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ForumManager.Core.Integrations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace ForumManager.Web.Tests.Api;

/// <summary>The app in memory, for a call whose body fails while it is read.</summary>
public sealed class ApiErrorAppFactory : ApiAppFactory;

/// <summary>
/// What the framework answers under /api/v1 (no such path, wrong method, wrong content type, a body too large, an
/// unhandled exception) is a problem in the caller's language, never the site's HTML pages, which stay as they are
/// elsewhere.
/// </summary>
public sealed class ApiErrorTests(ApiTokenAppFixture app, ApiErrorAppFactory memory) : IClassFixture<ApiTokenAppFixture>, IClassFixture<ApiErrorAppFactory>
{
    [Fact]
    public async Task Should_answer_an_unknown_api_path_404_as_a_problem_in_chinese_and_leave_the_site_404_page_html()
    {
        var client = app.Client(forwardedFor: "198.51.100.40");

        var unknown = await client.SendAsync(ApiTestTokens.Request(HttpMethod.Get, "/api/v1/no-such-thing", null, "zh-Hans"));
        var tooLargeId = await client.SendAsync(ApiTestTokens.Request(HttpMethod.Get, "/api/v1/delegates/99999999999999", null));
        var page = await client.GetAsync("/no-such-page");

        var problem = await ApiTestTokens.ProblemAsync(unknown, 404);
        Assert.Equal("未找到", problem.GetProperty("title").GetString());
        await ApiTestTokens.ProblemAsync(tooLargeId, 404);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_answer_a_wrong_method_405_and_a_wrong_content_type_415_as_problems()
    {
        var client = app.Client(forwardedFor: "198.51.100.41");

        var wrongMethod = await client.SendAsync(ApiTestTokens.Request(HttpMethod.Delete, "/api/v1/notices", null));
        var text = ApiTestTokens.Request(HttpMethod.Post, "/api/v1/notices", null);
        text.Content = new StringContent("template=approved", Encoding.UTF8, "text/plain");
        var wrongType = await client.SendAsync(text);

        var problem = await ApiTestTokens.ProblemAsync(wrongMethod, 405);
        Assert.Contains("DELETE", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("POST", wrongMethod.Content.Headers.Allow);
        await ApiTestTokens.ProblemAsync(wrongType, 415);
    }

    [Fact]
    public async Task Should_refuse_a_body_over_a_megabyte_with_a_413_problem()
    {
        var token = await ApiTestTokens.AddAsync(app, [ApiScopes.NoticesSend]);
        var client = app.Client(forwardedFor: "198.51.100.42");
        var request = ApiTestTokens.Request(HttpMethod.Post, "/api/v1/notices", token);
        request.Headers.ExpectContinue = true;
        request.Content = new StringContent("{\"template\":\"" + new string('x', 1_500_000) + "\"}", Encoding.UTF8, "application/json");

        var answer = await client.SendAsync(request);

        await ApiTestTokens.ProblemAsync(answer, 413);
    }

    [Fact]
    public async Task Should_answer_an_unhandled_exception_with_a_500_problem()
    {
        var token = await ApiTestTokens.AddAsync(memory, [ApiScopes.NoticesSend]);
        memory.CreateClient().Dispose();

        var context = await memory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/api/v1/notices";
            c.Request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token).ToString();
            c.Request.Headers.AcceptLanguage = "en";
            c.Request.ContentType = "application/json";
            c.Request.Body = new FailingStream();
        });
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();

        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Equal("Server error", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("IOException", body, StringComparison.Ordinal);
    }

    /// <summary>A body whose connection breaks as soon as it is read.</summary>
    private sealed class FailingStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("The connection broke.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("The connection broke.");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new IOException("The connection broke.");
    }
}
