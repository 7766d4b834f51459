using System.Net;
using System.Net.Sockets;

namespace ForumManager.Testing;

/// <summary>Loopback ports for servers a test starts itself (an app process, Redis, a collector).</summary>
public static class LoopbackPorts
{
    /// <summary>A port free on 127.0.0.1 a moment ago, which nothing listens on until the test starts its server there.</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
