using System.Security.Cryptography;
using System.Text;
using InboundEvent = Inbox.Channels.Inbound.InboundEvent;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Security;
using ChannelMessage = Inbox.Channels.Inbound.InboundMessage;

namespace Inbox.Grains.Channels;

/// <summary>
/// Puts the events of one authentic webhook into the inbox: each customer's messages in order, different customers in
/// parallel. A platform customer acts as a visitor of the channel (the platform's signature vouched for them), so the
/// grains apply the same rules as to a web-chat visitor: they write only into their own conversation.
/// </summary>
internal static class InboundDelivery
{
    /// <summary>Stores every message among <paramref name="events"/>; returns how many events the inbox does not act on yet.</summary>
    public static async Task<int> DeliverAsync(IGrainFactory grains, ChannelInfo channel, IReadOnlyList<InboundEvent> events)
    {
        var byCustomer = events.OfType<ChannelMessage>().GroupBy(m => m.ConversationKey, StringComparer.Ordinal);
        await Task.WhenAll(byCustomer.Select(messages => DeliverInOrderAsync(grains, channel, [.. messages])));
        return events.Count(e => e is not ChannelMessage);
    }

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
        return new InboundMessage(message.ExternalId, text, attachments, location, notice);
    }

    private static async Task DeliverInOrderAsync(IGrainFactory grains, ChannelInfo channel, List<ChannelMessage> messages)
    {
        var sender = messages[0].Sender;
        var userKey = UserKey(messages[0].ConversationKey);
        var name = sender.DisplayName ?? sender.Username ?? sender.Id;
        CallerContext.Set(Caller.Visitor(channel.OrganisationId, channel.ChannelId, userKey, name, CallerContext.Current?.From));

        var identity = grains.GetGrain<IChannelIdentityGrain>(GrainKeys.Compose(channel.OrganisationId, channel.ChannelId, userKey));
        var current = await identity.ResolveConversationAsync(channel.Platform, name);
        var conversation = grains.GetGrain<IConversationGrain>(GrainKeys.Compose(channel.OrganisationId, current.ConversationId));
        foreach (var message in messages.OrderBy(m => m.SentAt))
        {
            await conversation.ReceiveAsync(ToMessage(message, channel.Platform));
        }
    }
}
