using System.Net;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// The <c>Proxy</c> configuration section: the load balancers or TLS proxies whose forwarded headers are believed,
/// as addresses and CIDR networks separated by commas, semicolons or spaces.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    public string? KnownProxies { get; set; }
    public string? KnownNetworks { get; set; }

    public IReadOnlyList<IPAddress> Proxies => [.. Split(KnownProxies).Select(IPAddress.Parse)];
    public IReadOnlyList<IPNetwork> Networks => [.. Split(KnownNetworks).Select(IPNetwork.Parse)];

    /// <summary>Every entry that is not an address or a network, named with its key.</summary>
    public IEnumerable<string> Problems() =>
        Split(KnownProxies).Where(a => !IPAddress.TryParse(a, out _)).Select(a => $"Proxy:KnownProxies has \"{a}\", which is not an IP address.")
            .Concat(Split(KnownNetworks).Where(n => !IPNetwork.TryParse(n, out _)).Select(n => $"Proxy:KnownNetworks has \"{n}\", which is not a network in CIDR form (10.0.0.0/8)."));

    private static string[] Split(string? list) => (list ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Refuses to start on proxy entries that are not addresses or networks, saying which.</summary>
public sealed class ProxyOptionsValidation : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
