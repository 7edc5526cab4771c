using Inbox.Contracts.Grains;
using System.Security.Cryptography;
using System.Text;
using Inbox.Channels.Inbound;
using Inbox.Channels.Outbound;
using Inbox.Channels;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Security;
using ChannelMessage = Inbox.Channels.Inbound.InboundMessage;
using InboundMessage = Inbox.Contracts.Messages.InboundMessage;

namespace Inbox.Grains.Channels;

/// <summary>
/// Puts the events of one authentic webhook into the inbox: each customer's messages in order, different customers in
/// parallel. A platform customer acts as a visitor of the channel (the platform's signature vouched for them), so the
/// grains apply the same rules as to a web-chat visitor: they write only into their own conversation.
/// </summary>
internal static class InboundDelivery
{
    /// <summary>
    /// Stores every message among <paramref name="events"/> and applies every delivery status; returns how many events
    /// the inbox does not act on yet.
    /// </summary>
    public static async Task<int> DeliverAsync(IGrainFactory grains, ChannelInfo channel, IReadOnlyList<InboundEvent> events)
    {
        var byCustomer = events.Select(e => (Customer: CustomerOf(e), Event: e))
            .Where(e => e.Customer is not null)
            .GroupBy(e => e.Customer!, e => e.Event, StringComparer.Ordinal);
        await Task.WhenAll(byCustomer.Select(customer => DeliverInOrderAsync(grains, channel, customer.Key, [.. customer])));
        return events.Count(e => CustomerOf(e) is null);
    }

    /// <summary>How many customer messages are among <paramref name="events"/>.</summary>
    public static int Messages(IReadOnlyList<InboundEvent> events) => events.Count(e => e is ChannelMessage);

    /// <summary>
    /// The key part for a platform user id. Platform ids (phone numbers, PSIDs, OpenIDs, LINE user ids, chat ids) are
    /// valid key parts as they are; anything else is hashed so it can still name one identity.
    /// </summary>
    public static string UserKey(string platformUserId) =>
        GrainKeys.IsValidId(platformUserId)
            ? platformUserId
            : "h-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(platformUserId)))[..40];

    /// <summary>The inbox's form of a platform message.</summary>
    public static InboundMessage ToMessage(ChannelMessage message, Platform platform)
    {
        var text = message.Text ?? "";
        if (text.Length > MessageText.MaxInboundLength)
        {
            text = string.Concat(text.AsSpan(0, MessageText.MaxInboundLength - 1), "…");
        }

        var attachments = message.Attachments.Select((a, i) => new MessageAttachment(
            $"a{i + 1}", Enum.Parse<Contracts.Messages.AttachmentKind>(a.Kind.ToString()), a.FileName, a.MimeType, a.Size, a.MediaId, null)).ToList();
        var location = message.Location is { } l ? new MessageLocation(l.Latitude, l.Longitude, l.Name, l.Address) : null;
        var notice = message.Unsupported is { } kind
            ? $"The customer sent a message the inbox cannot show ({kind}); ask them to send it another way or look on {PlatformNames.Of(platform)}."
            : null;
        // Adapters read a missing timestamp as 0; such a message counts from when it arrived.
        var sentAt = message.SentAt == DateTimeOffset.UnixEpoch ? (DateTimeOffset?)null : message.SentAt;
        return new InboundMessage(message.ExternalId, text, attachments, location, notice, sentAt);
    }

    private static string? CustomerOf(InboundEvent e) => e switch
    {
        ChannelMessage m => m.ConversationKey,
        DeliveryStatusChanged d => d.ConversationKey,
        DeliveryWatermark w => w.ConversationKey,
        ReachabilityChanged r => r.ConversationKey,
        _ => null,
    };

    // One customer's events in the order the platform sent them: messages (sorted by their own time, as batches may
    // not be) and statuses of what was sent to them.
    private static async Task DeliverInOrderAsync(IGrainFactory grains, ChannelInfo channel, string customer, List<InboundEvent> events)
    {
        var userKey = UserKey(customer);
        var messages = events.OfType<ChannelMessage>().OrderBy(m => m.SentAt).ToList();
        var sender = messages.FirstOrDefault()?.Sender;
        var name = sender?.DisplayName ?? sender?.Username ?? customer;
        CallerContext.Set(Caller.Visitor(channel.OrganisationId, channel.ChannelId, userKey, name, CallerContext.Current?.From));

        var identity = grains.Get<IChannelIdentityGrain>(GrainKeys.Compose(channel.OrganisationId, channel.ChannelId, userKey));
        var current = messages.Count > 0 ? await identity.ResolveConversationAsync(channel.Platform, name, sender?.LanguageCode) : await identity.GetCurrentAsync();
        if (current is null)
        {
            // A status about a customer the inbox never heard from (sent by another tool on the same account).
            return;
        }

        if (current.IsNew)
        {
            // Platforms whose webhooks carry no name or picture have a profile API; asked without holding up the webhook.
            await grains.Get<IChannelGrain>(GrainKeys.Compose(channel.OrganisationId, channel.ChannelId))
                .RefreshProfileAsync(new ProfileRequest(current.ConversationId, current.ContactId, customer));
        }

        foreach (var message in messages)
        {
            (current, _) = await CustomerMessages.ReceiveAsync(grains, channel.OrganisationId, identity, current, channel.Platform, name, ToMessage(message, channel.Platform));
        }

        var conversation = grains.Get<IConversationGrain>(GrainKeys.Compose(channel.OrganisationId, current.ConversationId));
        foreach (var status in events.Where(e => e is DeliveryStatusChanged or DeliveryWatermark))
        {
            await conversation.UpdateDeliveryAsync(ToUpdate(status, channel.Platform));
        }

        // Blocked or unfollowed (LINE, Telegram, WeChat): the conversation says so, and replies stop going out.
        foreach (var reachability in events.OfType<ReachabilityChanged>().OrderBy(r => r.At))
        {
            await conversation.SetReachableAsync(!reachability.Blocked, reachability.At);
        }
    }

    private static DeliveryUpdate ToUpdate(InboundEvent status, Platform platform) => status switch
    {
        DeliveryStatusChanged changed => new DeliveryUpdate(
            Enum.Parse<DeliveryStatus>(changed.Status.ToString()),
            changed.At,
            changed.ExternalMessageId,
            changed.Error is { } error ? SendFailureText.Describe(new SendFailure(Classify(error, platform), error, null), PlatformNames.Of(platform)) : null,
            changed.Error is { } failure ? SendFailureText.WireName(Classify(failure, platform)) : null),
        DeliveryWatermark watermark => new DeliveryUpdate(Enum.Parse<DeliveryStatus>(watermark.Status.ToString()), watermark.UpTo, null),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a delivery status."),
    };

    private static SendFailureKind Classify(PlatformError error, Platform platform) =>
        ChannelSenders.For(PlatformNames.Of(platform))?.Classify(error) ?? SendFailureKind.Unknown;
}
