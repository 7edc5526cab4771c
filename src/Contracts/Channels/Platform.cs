using System.Text.Json.Serialization;

namespace Inbox.Contracts.Channels;

/// <summary>The kind of a channel. Wire names are lower case (<c>webchat</c>, <c>whatsapp</c>, …).</summary>
public enum Platform
{
    /// <summary>Our own web/mobile chat widget.</summary>
    [JsonStringEnumMemberName("webchat")]
    WebChat = 0,

    /// <summary>WhatsApp Business Cloud API.</summary>
    [JsonStringEnumMemberName("whatsapp")]
    WhatsApp = 1,

    /// <summary>Facebook Messenger.</summary>
    [JsonStringEnumMemberName("messenger")]
    Messenger = 2,

    /// <summary>Instagram direct messages.</summary>
    [JsonStringEnumMemberName("instagram")]
    Instagram = 3,

    /// <summary>Telegram bot.</summary>
    [JsonStringEnumMemberName("telegram")]
    Telegram = 4,

    /// <summary>WeChat official account.</summary>
    [JsonStringEnumMemberName("wechat")]
    WeChat = 5,

    /// <summary>LINE official account.</summary>
    [JsonStringEnumMemberName("line")]
    Line = 6,
}

/// <summary>A platform's wire name, as in JSON and in <c>/webhooks/{platform}/{channelId}</c>.</summary>
public static class PlatformNames
{
    private static readonly Dictionary<Platform, string> Names = Enum.GetValues<Platform>().ToDictionary(
        p => p,
        p => typeof(Platform).GetField(p.ToString())!.GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false)
            .OfType<JsonStringEnumMemberNameAttribute>().Single().Name);

    /// <summary>The wire name of <paramref name="platform"/> (<c>whatsapp</c>, <c>webchat</c>, …).</summary>
    public static string Of(Platform platform) => Names[platform];

    /// <summary>The platform with the wire name <paramref name="name"/>, or false for an unknown name.</summary>
    public static bool TryParse(string? name, out Platform platform)
    {
        foreach (var (candidate, wire) in Names)
        {
            if (string.Equals(wire, name, StringComparison.Ordinal))
            {
                platform = candidate;
                return true;
            }
        }

        platform = default;
        return false;
    }
}
