using System.Net;
using System.Net.Sockets;
using ForumManager.Core.Accounts;
using ForumManager.Testing;

namespace ForumManager.Web.Tests.Scale;

/// <summary>An instance configured for Redis that starts while Redis cannot be reached: it starts, serves, and says why it is Degraded.</summary>
public sealed class RedisAwayAtStartTests(RedisAwayAtStartTests.App app) : IClassFixture<RedisAwayAtStartTests.App>
{
    [Fact]
    public async Task Should_start_and_serve_on_its_own_and_say_so_on_health_when_redis_cannot_be_reached()
    {
        var visitor = Clients.Anonymous(app);
        var staff = await Clients.SignedInAsync(app, Roles.Staff);

        var agenda = await visitor.GetAsync("/agenda");
        var again = await visitor.GetAsync("/agenda");
        var health = await (await staff.GetAsync("/health")).Content.ReadAsStringAsync();
        var wrong = await SignInForm.SubmitAsync(Clients.Anonymous(app), "nobody@city.example.org", "not the password");

        Assert.Equal(HttpStatusCode.OK, agenda.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Redis cannot be reached: caches fall back to this instance", health, StringComparison.Ordinal);
    }

    public sealed class App : ForumAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            // A loopback port nobody listens on.
            ["Redis:Configuration"] = $"127.0.0.1:{LoopbackPorts.Free()}",
        };
    }
}
