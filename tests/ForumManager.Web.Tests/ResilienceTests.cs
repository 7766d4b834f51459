using System.Net;
using ForumManager.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Web.Tests;

/// <summary>An app with a tight sign-in limit and a path that throws, to see what people get then.</summary>
public sealed class StrictAppFixture : ForumAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:AuthPostsPerMinute"] = "3",
        ["Forum:DemoDelegates"] = "5",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, ThrowingPathFilter>());
    }

    /// <summary>After the app's own pipeline, so the app's exception handler is the one that sees the error.</summary>
    private sealed class ThrowingPathFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == "/test/boom"
                ? throw new InvalidOperationException("connection string secret-value leaked")
                : Task.CompletedTask);
        };
    }
}

public sealed class ResilienceTests(StrictAppFixture app) : IClassFixture<StrictAppFixture>
{
    [Fact]
    public async Task Should_slow_down_repeated_sign_in_attempts_with_a_friendly_429()
    {
        var client = Clients.Anonymous(app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await SignInForm.SubmitAsync(client, "someone@forum.test", "guess number " + i);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var page = await HtmlForms.ParseAsync(response);
                Assert.Equal("Too many attempts", page.QuerySelector("h1")!.TextContent.Trim());
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SignInForm.Url)).StatusCode);
    }

    [Fact]
    public async Task Should_show_a_reference_id_and_not_the_error_when_something_breaks()
    {
        var response = await Clients.Anonymous(app).GetAsync("/test/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret-value", html, StringComparison.Ordinal);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("Something went wrong", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-testid=reference-id]")!.TextContent));
    }
}
