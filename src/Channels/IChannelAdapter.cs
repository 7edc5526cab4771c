using Inbox.Channels.Inbound;
using Inbox.Channels.Webhooks;

namespace Inbox.Channels;

/// <summary>
/// One platform's wire format. Adapters hold no state (the channel's credentials come with each call); find one by
/// platform name with <see cref="ChannelAdapters"/>.
/// </summary>
public interface IChannelAdapter
{
    /// <summary>The platform's wire name (<c>telegram</c>, <c>whatsapp</c>, …), as in <c>/webhooks/{platform}/{channelId}</c>.</summary>
    string Platform { get; }

    /// <summary>What an admin gives (or the inbox generates) to connect a channel of this platform, in the order a form shows them.</summary>
    IReadOnlyList<ChannelField> Fields { get; }

    /// <summary>The body of the 200 that acknowledges a stored webhook (WeChat wants <c>success</c>; the others nothing).</summary>
    string Acknowledgement => "";

    /// <summary>
    /// True when the platform redelivers a refused webhook for days (Meta: up to 7): an authentic body the inbox cannot
    /// read is then acknowledged and logged rather than refused, since refusing cannot make it readable.
    /// </summary>
    bool RedeliversRefusalsForDays => false;

    /// <summary>Checks a webhook request's authenticity (or answers a verification handshake) against the channel's credentials.</summary>
    WebhookCheck Check(WebhookRequest request, IReadOnlyDictionary<string, string> credentials);

    /// <summary>
    /// The events in an authentic webhook body. Throws <see cref="WebhookFormatException"/> when the body is not the
    /// platform's envelope at all; a well-formed envelope with unknown content yields <see cref="IgnoredEvent"/>s
    /// or unsupported messages, never an exception.
    /// </summary>
    IReadOnlyList<InboundEvent> Parse(ReadOnlyMemory<byte> body);
}
