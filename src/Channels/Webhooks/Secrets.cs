using System.Security.Cryptography;
using System.Text;

namespace Inbox.Channels.Webhooks;

/// <summary>Comparing what a request presents with a channel's secret without leaking, through timing, how much matched.</summary>
internal static class Secrets
{
    public static bool Match(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
