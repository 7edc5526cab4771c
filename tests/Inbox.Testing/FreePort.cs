using System.Net;
using System.Net.Sockets;

namespace Inbox.Testing;

/// <summary>
/// Picks loopback ports nobody listens on; the machine may be shared, so no test hard-codes one. Ports come from below
/// the OS's ephemeral range: a port the OS handed out as "free" can be taken, before our process binds it, as the
/// local port of any outgoing connection (test assemblies run in parallel and connect a lot), which made a gateway
/// fail with "address already in use" now and then.
/// </summary>
public static class FreePort
{
    private static readonly HashSet<int> Handed = [];
    private static readonly (int Low, int High)? BelowEphemeral = RangeBelowEphemeral();

    /// <summary>A port that was free a moment ago and has not been handed to another caller in this process.</summary>
    public static int Next()
    {
        while (true)
        {
            var port = BelowEphemeral is var (low, high) ? Random.Shared.Next(low, high) : FromTheOs();
            lock (Handed)
            {
                if (!Handed.Add(port))
                {
                    continue;
                }
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Someone listens there: try another.
            }
        }
    }

    private static int FromTheOs()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Linux says its ephemeral range in /proc ("32768 60999" by default); elsewhere, or with no room below it, the OS picks.
    private static (int, int)? RangeBelowEphemeral()
    {
        try
        {
            var low = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
            return low >= 12_000 ? (low - 10_000, low) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
