using ForumManager.Testing;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Tests;

/// <summary>Settings that cannot work stop the app at start, naming the key, instead of failing later or quietly.</summary>
public sealed class StartupSettingsTests
{
    private sealed class AppWith(IDictionary<string, string?> settings) : ForumAppFactory
    {
        protected override IDictionary<string, string?> Settings => settings;
    }

    [Theory]
    [InlineData("Proxy:KnownProxies", "10.0.0.300", "Proxy:KnownProxies has \"10.0.0.300\", which is not an IP address.")]
    [InlineData("Proxy:KnownNetworks", "10.0.0.0/99", "Proxy:KnownNetworks has \"10.0.0.0/99\", which is not a network in CIDR form")]
    public void Should_refuse_to_start_with_a_proxy_that_is_not_an_address_and_name_it(string key, string value, string message)
    {
        using var app = new AppWith(new Dictionary<string, string?> { [key] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_to_start_on_SQL_Server_without_a_connection_string_rather_than_open_a_SQLite_file()
    {
        using var app = new AppWith(new Dictionary<string, string?> { ["Database:Provider"] = "SqlServer", ["ConnectionStrings:Forum"] = "" });

        var refused = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var messages = new List<string>();
        for (Exception? e = refused; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        Assert.Contains("ConnectionStrings:Forum must be set when Database:Provider is SqlServer.", messages);
    }

    [Fact]
    public void Should_start_with_named_proxies_and_networks()
    {
        using var app = new AppWith(new Dictionary<string, string?> { ["Proxy:KnownProxies"] = "127.0.0.1, ::1", ["Proxy:KnownNetworks"] = "10.0.0.0/8" });

        using var client = app.CreateClient();

        Assert.NotNull(client);
    }
}
