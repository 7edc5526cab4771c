using Inbox.Contracts.Channels;

namespace Inbox.Contracts.Conversations;

/// <summary>What the conversation list shows of one conversation, and what every conversation event carries.</summary>
/// <param name="OrganisationId">The owning organisation.</param>
/// <param name="ConversationId">The conversation's id within its organisation.</param>
/// <param name="ChannelId">The channel the customer writes on.</param>
/// <param name="Platform">The channel's platform.</param>
/// <param name="ContactId">The customer.</param>
/// <param name="ContactName">The customer's display name.</param>
/// <param name="ChannelUserId">The customer's id on the platform (for web chat: the visitor id).</param>
/// <param name="Status">Lifecycle status.</param>
/// <param name="AssigneeId">The agent who owns it, if any.</param>
/// <param name="LastSequence">The sequence number of the newest message (0 when there is none).</param>
/// <param name="LastMessagePreview">The start of the newest message's text.</param>
/// <param name="CreatedAt">When the conversation began.</param>
/// <param name="LastActivityAt">When the newest message or change happened.</param>
/// <param name="TeamId">The team it is routed to, if any.</param>
/// <param name="ContactHasAvatar">Whether the customer's profile picture is in the inbox (served at the conversation's <c>avatar</c>).</param>
/// <param name="Priority">How urgent it is.</param>
/// <param name="WaitingSince">When it began waiting for an agent: set while it is open and nobody is assigned.</param>
/// <param name="SnoozedUntil">When a snoozed conversation opens again by itself.</param>
/// <param name="Revision">Counts lifecycle changes (status, assignee, team, priority); routing uses it to refuse stale decisions.</param>
/// <param name="ObserverIds">Supervisors following it silently.</param>
/// <param name="ReplyWindowClosesAt">
/// When the platform's messaging window closes (see <see cref="ReplyWindows"/>): the customer's newest message by the
/// platform's clock plus the platform's window; past it replies are refused. Null when the platform has no window or
/// the customer never wrote.
/// </param>
[GenerateSerializer, Immutable, Alias("inbox.conversation-summary.v1")]
public sealed record ConversationSummary(
    [property: Id(0)] string OrganisationId,
    [property: Id(1)] string ConversationId,
    [property: Id(2)] string ChannelId,
    [property: Id(3)] Platform Platform,
    [property: Id(4)] string ContactId,
    [property: Id(5)] string ContactName,
    [property: Id(6)] string ChannelUserId,
    [property: Id(7)] ConversationStatus Status,
    [property: Id(8)] string? AssigneeId,
    [property: Id(9)] long LastSequence,
    [property: Id(10)] string LastMessagePreview,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DateTimeOffset LastActivityAt,
    [property: Id(13)] string? TeamId = null,
    [property: Id(14)] bool ContactHasAvatar = false,
    [property: Id(15)] ConversationPriority Priority = ConversationPriority.None,
    [property: Id(16)] DateTimeOffset? WaitingSince = null,
    [property: Id(17)] DateTimeOffset? SnoozedUntil = null,
    [property: Id(18)] long Revision = 0,
    [property: Id(19)] IReadOnlyList<string>? ObserverIds = null,
    [property: Id(20)] DateTimeOffset? ReplyWindowClosesAt = null)
{
    /// <summary>
    /// What a reply is refused with once <see cref="ReplyWindowClosesAt"/> has passed, in the server's words, so a client
    /// says it before sending; null when there is no window. Derived, so it is in the JSON but never stored.
    /// </summary>
    public string? ReplyWindowRefusal => ReplyWindowClosesAt is null ? null : ReplyWindows.RefusalOn(Platform);
}
