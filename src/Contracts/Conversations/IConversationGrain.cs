using Inbox.Contracts.Messages;
using Inbox.Contracts.Routing;
using Inbox.Contracts.Security;

namespace Inbox.Contracts.Conversations;

/// <summary>
/// One conversation between an organisation and one contact on one channel. Key: <c>{organisationId}:{conversationId}</c>.
/// Holds the live state and appends every message to the message log.
/// </summary>
[Alias("inbox.IConversationGrain")]
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>Creates the conversation if it does not exist yet; a no-op when it does.</summary>
    [Alias("Start")]
    Task<ConversationSummary> StartAsync(ConversationStart start);

    /// <summary>The conversation as the list shows it, or null when it does not exist.</summary>
    [Alias("GetSummary"), Requires(Permission.ConversationsRead)]
    Task<ConversationSummary?> GetSummaryAsync();

    /// <summary>
    /// Stores a customer message. Idempotent on <see cref="InboundMessage.ExternalId"/>: a redelivery returns the stored message.
    /// </summary>
    [Alias("Receive"), Requires(Permission.WidgetChat)]
    Task<MessageRecord> ReceiveAsync(InboundMessage message);

    /// <summary>
    /// Stores an agent's reply. Idempotent on <see cref="AgentReply.ClientMessageId"/> when given.
    /// Throws <see cref="ConversationNotFoundException"/> when the conversation does not exist.
    /// </summary>
    [Alias("Reply"), Requires(Permission.ConversationsReply)]
    Task<MessageRecord> ReplyAsync(AgentReply reply);

    /// <summary>
    /// The channel's word on one of this conversation's pending replies: sent (with the platform's id), failed (why),
    /// or still pending with a notice saying why it waits. Ignored once the message moved on from pending.
    /// </summary>
    [Alias("ReportSend")]
    Task ReportSendAsync(long sequence, DeliveryReport report);

    /// <summary>
    /// The platform says the customer blocked (<paramref name="reachable"/> false) or unblocked the business at
    /// <paramref name="at"/>: the chat says so, and while blocked, replies are failed at once instead of sent into silence.
    /// </summary>
    [Alias("SetReachable")]
    Task SetReachableAsync(bool reachable, DateTimeOffset at);

    /// <summary>
    /// Moves outgoing messages on after a platform's status webhook: the one with the update's platform message id, or
    /// for a watermark every outgoing message sent up to its time. Statuses only move forward (sent → delivered → read;
    /// failed until read), whatever order the webhooks arrive in.
    /// </summary>
    [Alias("UpdateDelivery")]
    Task UpdateDeliveryAsync(DeliveryUpdate update);

    /// <summary>Shows the customer's name (when given) and whether their picture is in the inbox; tells everyone watching.</summary>
    [Alias("UpdateContact")]
    Task UpdateContactAsync(string? name, bool hasAvatar);

    /// <summary>
    /// One attachment of message <paramref name="sequence"/>, for serving its file; null when there is no such
    /// attachment. Throws <see cref="ConversationNotFoundException"/> when the caller may not read the conversation.
    /// </summary>
    [Alias("GetAttachment"), Requires(Permission.ConversationsRead)]
    Task<MessageAttachment?> GetAttachmentAsync(long sequence, string attachmentId);

    /// <summary>
    /// Moves the conversation to <paramref name="status"/> (snoozed: until <paramref name="snoozeUntil"/>, when it opens
    /// again by itself). An agent may change the conversations assigned to them or nobody; a supervisor any. Throws
    /// <see cref="ArgumentException"/> for a snooze without a future time, <see cref="AccessDeniedException"/> when the
    /// caller may not.
    /// </summary>
    [Alias("SetStatus"), Requires(Permission.ConversationsReply, Permission.ConversationsManage)]
    Task<ConversationSummary> SetStatusAsync(ConversationStatus status, DateTimeOffset? snoozeUntil);

    /// <summary>Sets the priority (same permissions as <see cref="SetStatusAsync"/>).</summary>
    [Alias("SetPriority"), Requires(Permission.ConversationsReply, Permission.ConversationsManage)]
    Task<ConversationSummary> SetPriorityAsync(ConversationPriority priority);

    /// <summary>
    /// Assigns the conversation to <paramref name="assigneeId"/> (null: back to the waiting queue) and routes it to
    /// <paramref name="teamId"/> (null: keeps its team; empty: no team). A supervisor may assign anyone active; an
    /// agent may only take a waiting conversation themself. Throws <see cref="ArgumentException"/> for a user or team
    /// that does not exist, <see cref="AccessDeniedException"/> when the caller may not.
    /// </summary>
    [Alias("Assign"), Requires(Permission.ConversationsReply, Permission.ConversationsManage)]
    Task<ConversationSummary> AssignAsync(string? assigneeId, string? teamId);

    /// <summary>Starts (or stops) following the conversation silently: its events reach the supervisor, the customer sees nothing.</summary>
    [Alias("Observe"), Requires(Permission.ConversationsManage)]
    Task<ConversationSummary> ObserveAsync(bool observing);

    /// <summary>Adds an internal note: shown to the team, never sent to the customer.</summary>
    [Alias("AddNote"), Requires(Permission.ConversationsReply)]
    Task<MessageRecord> AddNoteAsync(string text);

    /// <summary>Applies routing's decision if the conversation is still at its revision and waiting.</summary>
    [Alias("Route")]
    Task<RoutingOutcome> RouteAsync(RoutingDecision decision);

    /// <summary>Its agent went offline and the organisation returns such conversations to the queue.</summary>
    [Alias("ReturnToQueue")]
    Task ReturnToQueueAsync(string agentId);

    /// <summary>Up to <paramref name="limit"/> messages older than sequence <paramref name="before"/> (the newest when null), oldest first.</summary>
    [Alias("GetMessages"), Requires(Permission.ConversationsRead, Permission.WidgetChat)]
    Task<MessagePage> GetMessagesAsync(long? before, int limit);
}
