using ForumManager.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Web.Tests.Admin.Webhooks;

/// <summary>
/// The app with a quick webhook dispatcher (a one-second timeout, a fifth of a second between polls) and a clock a
/// test can move on, so that retries due in seconds or minutes come at once.
/// </summary>
public sealed class WebhookAppFixture : ForumAppFactory
{
    public MovableClock Clock { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:TimeoutSeconds"] = "1",
        ["Webhooks:PollSeconds"] = "0.2",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public sealed class MovableClock : TimeProvider
    {
        private long _offsetTicks;

        public void MoveOn(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
    }
}
