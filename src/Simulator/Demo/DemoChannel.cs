using System.Text.Json.Nodes;
using Inbox.Simulator.Webhooks;

namespace Inbox.Simulator.Demo;

/// <summary>One demo channel: its webhook URL at the inbox, its signed webhooks, and its regular customers.</summary>
internal sealed record DemoChannel(string Platform, Uri WebhookUrl, PlatformWebhooks Webhooks, IReadOnlyList<SimulatedCustomer> Customers)
{
    private static readonly string[] Names = ["Sheena Nelson", "Ana Silva", "Kenji Watanabe", "Li Wei", "Fatima Zahra"];

    /// <summary>The platform channels in the seed file (<c>Inbox:Seed:Organisations[*]:Platforms</c>).</summary>
    public static List<DemoChannel> ReadAll(string seedFile, Uri inboxUrl)
    {
        var seed = JsonNode.Parse(File.ReadAllText(seedFile))?["Inbox"]?["Seed"]?["Organisations"]?.AsArray() ?? [];
        return [.. seed.SelectMany(o => o?["Platforms"]?.AsArray() ?? []).OfType<JsonNode>().Select(channel =>
        {
            var platform = (string)channel[nameof(Platform)]!;
            var fields = channel["Fields"]!.AsObject().ToDictionary(f => f.Key, f => (string)f.Value!);
            return new DemoChannel(
                platform,
                new Uri(inboxUrl, $"webhooks/{platform}/{(string)channel["ChannelId"]!}"),
                PlatformWebhooks.For(platform, fields),
                [.. Names.Take(3).Select((name, i) => new SimulatedCustomer(CustomerId(platform, i), name))]);
        })];
    }

    // Stable ids of each platform's shape, so the demo's customers come back to their conversations across restarts.
    private static string CustomerId(string platform, int index) => platform switch
    {
        "line" => $"U{index + 1:D32}",
        "wechat" => $"oDemoOpenId_{index + 1:D16}",
        "telegram" => $"70000000{index + 1:D2}",
        _ => $"1555012{index + 1:D4}",
    };
}
