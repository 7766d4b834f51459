using System.Net;
using ForumManager.Testing;

namespace ForumManager.Web.Tests;

/// <summary>The real app on Kestrel on a loopback port, with a tight sign-in limit, as a client on the server itself sees it.</summary>
public class KestrelAppFixture : ForumAppFactory
{
    private string? _address;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:AuthPostsPerMinute"] = "3",
        ["Forum:DemoDelegates"] = "3",
    };

    public HttpClient Client()
    {
        _address ??= StartKestrel();
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), UseProxy = false })
        {
            BaseAddress = new Uri(_address),
        };
    }
}

/// <summary>The same, with a TLS proxy on the server itself named in <c>Proxy:KnownProxies</c>.</summary>
public sealed class ProxiedKestrelAppFixture : KestrelAppFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Proxy:KnownProxies"] = "127.0.0.1",
    };
}

[Collection(nameof(AppCollection))]
public sealed class ProxyAndHeaderTests(KestrelAppFixture kestrel, ProxiedKestrelAppFixture proxied, AppFixture app)
    : IClassFixture<KestrelAppFixture>, IClassFixture<ProxiedKestrelAppFixture>
{
    /// <summary>
    /// Five failed sign-ins, each claiming (in X-Forwarded-For) to come from the address given, each for another unknown
    /// account so that only the rate limit answers, never the lockout of one address.
    /// </summary>
    private static async Task<List<HttpStatusCode>> SignInAttemptsAsync(HttpClient client, Func<int, string> forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor(i));
            var response = await SignInForm.SubmitAsync(client, $"someone-{Guid.NewGuid():N}@forum.test", "guess number " + i);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    [Fact]
    public async Task Should_count_sign_in_posts_from_the_server_itself_by_the_connection_not_by_a_made_up_forwarded_address()
    {
        using var client = kestrel.Client();

        var statuses = await SignInAttemptsAsync(client, i => $"203.0.113.{i + 10}");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Should_count_sign_in_posts_by_the_forwarded_address_when_the_proxy_is_named()
    {
        using var client = proxied.Client();

        var separate = await SignInAttemptsAsync(client, i => $"198.51.100.{i + 10}");
        var same = await SignInAttemptsAsync(client, _ => "198.51.100.99");

        Assert.All(separate, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], same);
    }

    [Fact]
    public async Task Should_not_name_the_server_software()
    {
        using var client = kestrel.Client();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Should_send_HSTS_on_an_HTTPS_answer_even_to_localhost()
    {
        var client = Clients.Anonymous(app);
        client.BaseAddress = new Uri("https://localhost/");

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }
}
