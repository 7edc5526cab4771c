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
