namespace Inbox.Contracts.Conversations;

/// <summary>
/// A customer wrote to a conversation resolved longer ago than the organisation's reopen window: the message belongs in
/// a new conversation, which the caller starts (see <c>IChannelIdentityGrain.StartNextConversationAsync</c>).
/// </summary>
[GenerateSerializer, Alias("inbox.conversation-closed")]
public sealed class ConversationClosedException : Exception
{
    /// <summary>Creates the exception for a conversation key.</summary>
    public ConversationClosedException(string conversationKey)
        : base($"Conversation '{conversationKey}' was resolved too long ago to reopen.") { }

    /// <summary>Creates an empty exception (for serializers).</summary>
    public ConversationClosedException() { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConversationClosedException(string message, Exception innerException) : base(message, innerException) { }
}
