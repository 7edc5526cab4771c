using Inbox.Contracts.Conversations;
using Inbox.Contracts.Messages;

namespace Inbox.Contracts.Events;

/// <summary>
/// A live event about one conversation. It carries the conversation's sequence number, so a client that sees a gap
/// (or reconnects) knows to reload the conversation from the API: a dropped event is never a lost message.
/// </summary>
/// <param name="Type">One of <see cref="EventNames"/>.</param>
/// <param name="Sequence">The conversation's message sequence after the change.</param>
/// <param name="Conversation">The conversation after the change.</param>
/// <param name="Message">The message the event is about, for message events.</param>
[GenerateSerializer, Immutable, Alias("inbox.inbox-event.v1")]
public sealed record InboxEvent(
    [property: Id(0)] string Type,
    [property: Id(1)] long Sequence,
    [property: Id(2)] ConversationSummary Conversation,
    [property: Id(3)] MessageRecord? Message);
