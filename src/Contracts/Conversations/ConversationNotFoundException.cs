namespace Inbox.Contracts.Conversations;

/// <summary>Thrown when a call names a conversation that was never started.</summary>
[GenerateSerializer, Alias("inbox.conversation-not-found")]
public sealed class ConversationNotFoundException : Exception
{
    /// <summary>Creates the exception for a conversation key.</summary>
    public ConversationNotFoundException(string conversationKey)
        : base($"Conversation '{conversationKey}' does not exist.") { }

    /// <summary>Creates an empty exception (for serializers).</summary>
    public ConversationNotFoundException() { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConversationNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}
