using System.Collections.Frozen;
using Inbox.Channels.Line;
using Inbox.Channels.Messenger;
using Inbox.Channels.Telegram;
using Inbox.Channels.WeChat;
using Inbox.Channels.WhatsApp;

namespace Inbox.Channels;

/// <summary>Every platform adapter, by platform wire name. Adapters hold no state, so one instance of each serves all channels.</summary>
public static class ChannelAdapters
{
    private static readonly FrozenDictionary<string, IChannelAdapter> ByPlatform = new IChannelAdapter[]
    {
        new WhatsAppAdapter(),
        MessengerAdapter.Messenger,
        MessengerAdapter.Instagram,
        new TelegramAdapter(),
        new LineAdapter(),
        new WeChatAdapter(),
    }.ToFrozenDictionary(a => a.Platform, StringComparer.Ordinal);

    /// <summary>The adapter for a platform wire name, or null for one without webhooks (web chat) or an unknown one.</summary>
    public static IChannelAdapter? For(string platform) => ByPlatform.GetValueOrDefault(platform);

    /// <summary>Every adapter.</summary>
    public static IEnumerable<IChannelAdapter> All => ByPlatform.Values;
}
