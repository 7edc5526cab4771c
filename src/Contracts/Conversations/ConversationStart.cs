using Inbox.Contracts.Channels;

namespace Inbox.Contracts.Conversations;

/// <summary>Everything a new conversation needs to know about where it comes from.</summary>
/// <param name="ChannelId">The channel the customer writes on.</param>
/// <param name="Platform">The channel's platform.</param>
/// <param name="ContactId">The customer.</param>
/// <param name="ContactName">The customer's display name.</param>
/// <param name="ChannelUserId">The customer's id on the platform.</param>
[GenerateSerializer, Immutable, Alias("inbox.conversation-start.v1")]
public sealed record ConversationStart(
    [property: Id(0)] string ChannelId,
    [property: Id(1)] Platform Platform,
    [property: Id(2)] string ContactId,
    [property: Id(3)] string ContactName,
    [property: Id(4)] string ChannelUserId);
