using System.Net;
using System.Net.Sockets;

namespace ForumManager.Features.Webhooks;

/// <summary>
/// Keeps deliveries away from the servers' own network: a webhook's address is typed by an admin, but a delivery made
/// to the loopback, a private range or a cloud's metadata address would let the forum be used to reach what the
/// internet cannot. Checked when the endpoint is saved and again at every connection, on the address actually
/// connected to, so a name that resolves elsewhere later (DNS rebinding) is caught.
/// </summary>
public static class WebhookAddressGuard
{
    /// <summary>How long a save waits for the name to be looked up; a form never hangs on a slow resolver.</summary>
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);

    /// <summary>What is wrong with a URL's form, before any name is looked up; null when nothing is.</summary>
    public static UrlProblem? CheckForm(string url, bool httpsOnly, out Uri? uri)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out uri))
        {
            return UrlProblem.NotAUrl;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            return UrlProblem.Scheme;
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            return UrlProblem.NotAUrl;
        }

        if (httpsOnly && uri.Scheme != Uri.UriSchemeHttps)
        {
            return UrlProblem.HttpsOnly;
        }

        return uri.UserInfo.Length > 0 ? UrlProblem.UserInfo : null;
    }

    /// <summary>The addresses a host stands for, each one checked; a literal address is itself.</summary>
    public static async Task<UrlProblem?> CheckHostAsync(string host, bool allowPrivate, CancellationToken ct)
    {
        IPAddress[] addresses;
        using var lookup = CancellationTokenSource.CreateLinkedTokenSource(ct);
        lookup.CancelAfter(LookupTimeout);
        try
        {
            addresses = await ResolveAsync(host, lookup.Token);
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return UrlProblem.UnknownHost;
        }

        if (addresses.Length == 0)
        {
            return UrlProblem.UnknownHost;
        }

        return allowPrivate || addresses.All(IsPublic) ? null : UrlProblem.PrivateAddress;
    }

    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(bare, ct);
    }

    /// <summary>
    /// Whether an address is on the public internet: not loopback, private (10/8, 172.16/12, 192.168/16), shared
    /// (100.64/10), link-local (169.254/16), multicast, unspecified or reserved; an IPv4-mapped address (::ffff:a.b.c.d)
    /// is judged as its IPv4 address. IPv6 is allowed, not refused, by range: only global unicast (2000::/3) is public,
    /// less the ranges that stand for another address or none (Teredo and the other IETF assignments, 2001::/23; 6to4,
    /// 2002::/16; documentation, 2001:db8::/32 and 3fff::/20), so every form that carries an IPv4 address inside
    /// (::a.b.c.d, ::ffff:0:a.b.c.d, 64:ff9b::/96, 6to4, Teredo) is refused whatever that address is.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && (b[1] & 0xC0) == 64)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && (b[1] & 0xF0) == 16)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] & 0xFE) == 18));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var v6 = address.GetAddressBytes();
        var globalUnicast = (v6[0] & 0xE0) == 0x20;
        return globalUnicast
            && !(v6[0] == 0x20 && v6[1] == 0x01 && v6[2] <= 0x01)
            && !(v6[0] == 0x20 && v6[1] == 0x02)
            && !(v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0D && v6[3] == 0xB8)
            && !(v6[0] == 0x3F && v6[1] == 0xFF && (v6[2] & 0xF0) == 0x00);
    }

    /// <summary>
    /// Opens the connection for a delivery: the host is looked up here, every address checked, and the socket connected
    /// to a checked address, never to a name looked up again after the check.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken ct)
    {
        var addresses = await ResolveAsync(endpoint.Host, ct);
        var allowed = allowPrivate ? addresses : [.. addresses.Where(IsPublic)];
        if (allowed.Length == 0)
        {
            throw new WebhookAddressRefusedException(endpoint.Host);
        }

        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }

        throw last!;
    }
}

public enum UrlProblem
{
    NotAUrl,
    Scheme,
    HttpsOnly,
    UserInfo,
    UnknownHost,
    PrivateAddress,
}

/// <summary>A delivery's host stands only for addresses the endpoint may not reach.</summary>
public sealed class WebhookAddressRefusedException(string host)
    : HttpRequestException($"The address of {host} is on a private, loopback or reserved network; this endpoint may not reach it.");
