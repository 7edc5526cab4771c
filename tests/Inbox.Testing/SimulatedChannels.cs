using System.Security.Cryptography;
using Inbox.Contracts.Channels;
using Inbox.Simulator.Webhooks;

namespace Inbox.Testing;

/// <summary>
/// A platform channel connected through the admin API, with the simulator's webhooks for it: what a test needs to
/// play the platform's part. The fields are invented, never real secrets.
/// </summary>
public sealed record SimulatedChannel(ChannelDetails Details, IReadOnlyDictionary<string, string> Fields, PlatformWebhooks Webhooks, Uri WebhookUrl)
{
    /// <summary>Every platform with webhooks, by wire name.</summary>
    public static IReadOnlyList<string> Platforms { get; } = ["whatsapp", "messenger", "instagram", "telegram", "line", "wechat"];

    public string ChannelId => Details.Channel.ChannelId;

    public string Platform => PlatformNames.Of(Details.Channel.Platform);

    /// <summary>Sends a customer's text message as the platform would and returns the platform's id for it.</summary>
    public async Task<string> CustomerWritesAsync(SimulatedCustomer customer, string text)
    {
        var (webhook, id) = Webhooks.Text(customer, text, DateTimeOffset.UtcNow);
        await DeliverAsync(webhook);
        return id;
    }

    /// <summary>
    /// Puts an image on the platform (in the simulator) and sends the customer's message carrying it, as the platform
    /// would; returns the image's bytes and the platform's message id.
    /// </summary>
    public async Task<(byte[] Image, string MessageId)> CustomerSendsImageAsync(PlatformSimulator simulator, SimulatedCustomer customer, string? caption)
    {
        var image = RandomNumberGenerator.GetBytes(4096);
        var mediaId = Platform switch
        {
            "line" => (RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue) * 10L).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "media" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
        };
        simulator.State.AddMedia(Platform, mediaId, new Simulator.Platforms.SimulatedFile(image, "image/jpeg", null));
        var reference = Platform is "messenger" or "instagram" ? new Uri(simulator.Url, $"{Platform}/cdn/{mediaId}").ToString() : mediaId;
        var (webhook, id) = Webhooks.Image(customer, new SimulatedMedia(reference, "image/jpeg", null, image.Length), caption, DateTimeOffset.UtcNow);
        await DeliverAsync(webhook);
        return (image, id);
    }

    /// <summary>Delivers a webhook to the inbox and insists on 200.</summary>
    public async Task DeliverAsync(SimulatedWebhook webhook)
    {
        using var http = new HttpClient();
        using var response = await http.SendAsync(webhook.ToRequest(WebhookUrl));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The inbox answered the {Platform} webhook {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Connects a new channel of <paramref name="platform"/> as <paramref name="admin"/>.</summary>
    public static async Task<SimulatedChannel> ConnectAsync(InboxApi admin, Uri gateway, string platform)
    {
        var fields = FieldsFor(platform);
        var details = await admin.ConnectChannelAsync(platform, $"Test {platform}", fields);
        var all = new Dictionary<string, string>(fields);
        foreach (var (name, value) in details.Settings!)
        {
            all[name] = value;
        }

        return new SimulatedChannel(details, all, PlatformWebhooks.For(platform, all), new Uri(gateway, details.WebhookPath!.TrimStart('/')));
    }

    /// <summary>The same channel's webhooks signed with other secrets, as a forger would sign them.</summary>
    public PlatformWebhooks Forged()
    {
        var platform = PlatformNames.Of(Details.Channel.Platform);
        var fields = FieldsFor(platform);
        foreach (var (name, value) in Details.Settings!)
        {
            fields[name] = "forged" + value;
        }

        return PlatformWebhooks.For(platform, fields);
    }

    /// <summary>A new customer with an id of the platform's shape.</summary>
    public SimulatedCustomer NewCustomer(string name = "Ana Silva") => new(PlatformNames.Of(Details.Channel.Platform) switch
    {
        "line" => "U" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        "wechat" => "o" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 27),
        _ => "1" + RandomNumberGenerator.GetString("0123456789", 14),
    }, name);

    private static Dictionary<string, string> FieldsFor(string platform) => platform switch
    {
        "whatsapp" => new() { ["phoneNumberId"] = "106540352242922", ["accessToken"] = "EAAG-sim-" + Random(), ["appSecret"] = Random() },
        "messenger" or "instagram" => new() { ["accountId"] = "682498302938465", ["accessToken"] = "EAAG-sim-" + Random(), ["appSecret"] = Random() },
        "telegram" => new() { ["botToken"] = "123456789:bot-" + Random() },
        "line" => new() { ["accessToken"] = "line-sim-" + Random(), ["channelSecret"] = Random() },
        "wechat" => new() { ["appId"] = "wx0123456789abcdef", ["appSecret"] = Random() },
        _ => throw new ArgumentException($"No simulated platform '{platform}'.", nameof(platform)),
    };

    private static string Random() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
