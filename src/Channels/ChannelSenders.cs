using System.Collections.Frozen;
using Inbox.Channels.Line;
using Inbox.Channels.Messenger;
using Inbox.Channels.Outbound;
using Inbox.Channels.Telegram;
using Inbox.Channels.WeChat;
using Inbox.Channels.WhatsApp;

namespace Inbox.Channels;

/// <summary>Every platform sender, by platform wire name. Senders hold no state; per-channel state comes in the <see cref="SendContext"/>.</summary>
public static class ChannelSenders
{
    private static readonly FrozenDictionary<string, IChannelSender> ByPlatform = new IChannelSender[]
    {
        new WhatsAppSender(),
        MessengerSender.Messenger,
        MessengerSender.Instagram,
        new TelegramSender(),
        new LineSender(),
        new WeChatSender(),
    }.ToFrozenDictionary(s => s.Platform, StringComparer.Ordinal);

    /// <summary>The sender for a platform wire name, or null for web chat (whose replies go out over SignalR).</summary>
    public static IChannelSender? For(string platform) => ByPlatform.GetValueOrDefault(platform);

    /// <summary>Every sender.</summary>
    public static IEnumerable<IChannelSender> All => ByPlatform.Values;
}
