using System.Net;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using ForumManager.Features.Webhooks;
using ForumManager.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ForumManager.Features.Tests.Webhooks;

/// <summary>Deliveries never reach the servers' own networks unless an admin allowed it: refused on save, and at connect.</summary>
public sealed class WebhookAddressGuardTests : IAsyncLifetime
{
    private readonly FeatureHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();

    public Task DisposeAsync() => _harness.DisposeAsync();

    public static TheoryData<string> Private =>
    [
        "http://127.0.0.1/hooks", "http://10.20.30.40/hooks", "http://169.254.169.254/latest/meta-data/", "http://[::1]/hooks",
        "http://localhost:8080/hooks", "http://[::ffff:127.0.0.1]/hooks", "http://[::ffff:a9fe:a9fe]/", "http://172.16.5.4/",
        "http://192.168.1.1/", "http://100.64.0.1/", "http://[fd00::1]/", "http://[fe80::1]/", "http://0.0.0.0/", "http://224.0.0.1/",
        "http://[::ffff:0:127.0.0.1]:5094/", "http://[2002:7f00:1::]:5094/",
    ];

    [Theory]
    [MemberData(nameof(Private))]
    public async Task Should_refuse_a_private_address_next_to_the_url_unless_private_networks_are_allowed(string url)
    {
        var refused = await CheckAsync(url, allowPrivate: false);
        var allowed = await CheckAsync(url, allowPrivate: true);

        var (field, message) = Assert.Single(refused.All);
        Assert.Equal("Input.Url", field);
        Assert.Contains("private", message, StringComparison.Ordinal);
        Assert.True(allowed.IsEmpty);
    }

    [Theory]
    [InlineData("ftp://example.org/hooks", "http and https")]
    [InlineData("https://user:secret@example.org/hooks", "user name")]
    [InlineData("not a url", "full address")]
    [InlineData("file:///etc/passwd", "http and https")]
    public async Task Should_refuse_other_schemes_user_info_and_what_is_no_url(string url, string said)
    {
        var (field, message) = Assert.Single((await CheckAsync(url, allowPrivate: true)).All);
        Assert.Equal("Input.Url", field);
        Assert.Contains(said, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_take_only_https_in_production()
    {
        var production = await CheckAsync("http://93.184.215.14/hooks", allowPrivate: false, environment: "Production");
        var secure = await CheckAsync("https://93.184.215.14/hooks", allowPrivate: false, environment: "Production");
        var testing = await CheckAsync("http://93.184.215.14/hooks", allowPrivate: false);

        Assert.Contains("only to https", Assert.Single(production.All).Message, StringComparison.Ordinal);
        Assert.True(secure.IsEmpty);
        Assert.True(testing.IsEmpty);
    }

    [Fact]
    public async Task Should_not_connect_at_send_time_to_a_loopback_address_or_a_name_resolving_to_it_without_the_permission()
    {
        await using var receiver = new WebhookReceiver();
        var literal = await WebhookTestKit.EndpointAsync(_harness, receiver.Url, allowPrivate: false, events: [WebhookEvents.CheckInMade]);
        var named = await WebhookTestKit.EndpointAsync(_harness, $"http://localhost:{receiver.Port}/hooks", allowPrivate: false, events: [WebhookEvents.CheckInMade]);
        await WebhookTestKit.EventsAsync(_harness, WebhookEvents.CheckInMade, 1);

        await WebhookTestKit.Instance(_harness).RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, receiver.Requests);
        foreach (var endpoint in new[] { literal.Id, named.Id })
        {
            var delivery = Assert.Single(await WebhookTestKit.DeliveriesAsync(_harness, endpoint));
            Assert.Equal(WebhookDeliveryState.Pending, delivery.State);
            Assert.Null(delivery.LastStatusCode);
            Assert.Contains("private", delivery.LastError, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("::", false)]
    [InlineData("ff02::1", false)]
    [InlineData("fc00::5", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("100.127.255.255", false)]
    [InlineData("100.128.0.1", true)]
    [InlineData("::ffff:0:127.0.0.1", false)]
    [InlineData("2002:7f00:1::", false)]
    [InlineData("2002:808:808::1", false)]
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe", false)]
    [InlineData("64:ff9b::7f00:1", false)]
    [InlineData("64:ff9b::808:808", false)]
    [InlineData("::127.0.0.1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("3fff::1", false)]
    [InlineData("4000::1", false)]
    [InlineData("2a00:1450:4001:80b::200e", true)]
    public void Should_tell_public_addresses_from_private_ones_in_every_form(string address, bool isPublic) =>
        Assert.Equal(isPublic, WebhookAddressGuard.IsPublic(IPAddress.Parse(address)));

    private Task<FieldErrors> CheckAsync(string url, bool allowPrivate, string environment = "Testing") =>
        _harness.RunAsync(async services =>
        {
            var endpoints = new WebhookEndpoints(
                services.GetRequiredService<ForumDbContext>(), services.GetRequiredService<WebhookSecrets>(), new WebhookSignal(),
                _harness.Clock, new Environment(environment), Options.Create(new WebhookOptions()),
                services.GetRequiredService<IStringLocalizer<SharedResource>>());
            return await endpoints.CheckAsync(new WebhookEndpointInput { Url = url, Events = [WebhookEvents.CheckInMade], AllowPrivateNetwork = allowPrivate }, CancellationToken.None);
        });

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "tests";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
