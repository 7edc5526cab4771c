using Inbox.Contracts.Messages;
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

    /// <summary>Up to <paramref name="limit"/> messages older than sequence <paramref name="before"/> (the newest when null), oldest first.</summary>
    [Alias("GetMessages"), Requires(Permission.ConversationsRead, Permission.WidgetChat)]
    Task<MessagePage> GetMessagesAsync(long? before, int limit);
}
