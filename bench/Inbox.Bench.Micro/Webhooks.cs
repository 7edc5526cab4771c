using Inbox.Channels;
using Inbox.Channels.Inbound;
using Inbox.Channels.Webhooks;
using Inbox.Simulator.Webhooks;
using Microsoft.AspNetCore.WebUtilities;

namespace Inbox.Bench.Micro;

/// <summary>
/// Real webhooks for the benchmarks: built and signed by the platform simulator with each channel's secrets, and handed
/// to the adapters as the ingress grain hands them (headers looked up by lower-cased name).
/// </summary>
internal static class Webhooks
{
    public static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public const string Text = "Hi! My order #4521 hasn't arrived yet — could you check where it is? Danke 📦";

    /// <summary>Each benchmarked platform's channel fields (credentials and settings), as the inbox names them.</summary>
    public static IReadOnlyDictionary<string, string> Fields(string platform) => platform switch
    {
        "whatsapp" => new Dictionary<string, string>
        {
            ["phoneNumberId"] = "106540352242922",
            ["accessToken"] = "EAAGm0PX4ZCpsBAbench",
            ["appSecret"] = "4f1d2c3b5a6e7f8091a2b3c4d5e6f708",
            ["verifyToken"] = "verify-bench",
        },
        "messenger" => new Dictionary<string, string>
        {
            ["accountId"] = "109876543210987",
            ["accessToken"] = "EAAGm0PX4ZCpsBApage",
            ["appSecret"] = "8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d",
            ["verifyToken"] = "verify-bench",
        },
        "telegram" => new Dictionary<string, string>
        {
            ["botToken"] = "7012345678:AAH-bench-token-0123456789abcdefghi",
            ["secretToken"] = "s3cr3t-T0ken_for-the-bench-0123456789",
        },
        "line" => new Dictionary<string, string>
        {
            ["accessToken"] = "line-bench-access-token",
            ["channelSecret"] = "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
        },
        _ => throw new ArgumentException($"No benchmark channel for '{platform}'.", nameof(platform)),
    };

    /// <summary>A customer of the platform, with an id of the platform's shape.</summary>
    public static SimulatedCustomer Customer(string platform) => platform switch
    {
        "whatsapp" => new SimulatedCustomer("4915112345678", "Jana Müller"),
        "messenger" => new SimulatedCustomer("7654321098765432", "Jana Müller"),
        "telegram" => new SimulatedCustomer("512345678", "Jana Müller"),
        "line" => new SimulatedCustomer("U4af4980629d7a1c5b3e2f0d9c8b7a6e5", "Jana Müller"),
        _ => throw new ArgumentException($"No benchmark customer for '{platform}'.", nameof(platform)),
    };

    /// <summary>The platform's adapter, as the ingress grain finds it.</summary>
    public static IChannelAdapter Adapter(string platform) =>
        ChannelAdapters.For(platform) ?? throw new InvalidOperationException($"No adapter for '{platform}'.");

    /// <summary>A customer's text message on the platform, signed with the channel's secrets.</summary>
    public static SimulatedWebhook TextMessage(string platform) =>
        PlatformWebhooks.For(platform, Fields(platform)).Text(Customer(platform), Text, At).Webhook;

    /// <summary>The webhook as the ingress grain hands it to <see cref="IChannelAdapter.Check"/>.</summary>
    public static WebhookRequest Request(SimulatedWebhook webhook)
    {
        var headers = webhook.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value, StringComparer.Ordinal);
        var query = QueryHelpers.ParseQuery(webhook.Query);
        return new WebhookRequest(
            webhook.Method.Method,
            name => headers.GetValueOrDefault(name.ToLowerInvariant()),
            name => query.TryGetValue(name, out var value) ? value.ToString() : null,
            webhook.Body);
    }

    /// <summary>Fails the benchmark's setup unless the adapter accepts the webhook: a benchmark of a rejection measures nothing useful.</summary>
    public static void EnsureAccepted(IChannelAdapter adapter, WebhookRequest request, IReadOnlyDictionary<string, string> credentials)
    {
        if (adapter.Check(request, credentials) is not WebhookCheck.Accepted)
        {
            throw new InvalidOperationException($"The {adapter.Platform} adapter does not accept the simulator's webhook.");
        }
    }

    /// <summary>Fails the benchmark's setup unless the body parses to exactly one customer message with the text.</summary>
    public static void EnsureMessage(IChannelAdapter adapter, ReadOnlyMemory<byte> body)
    {
        if (adapter.Parse(body) is not [InboundMessage { Text: Text }])
        {
            throw new InvalidOperationException($"The {adapter.Platform} adapter does not read the simulator's text message.");
        }
    }
}
