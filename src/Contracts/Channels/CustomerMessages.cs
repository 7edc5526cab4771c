using Inbox.Contracts.Conversations;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;

namespace Inbox.Contracts.Channels;

/// <summary>The one way a customer's message enters a conversation, from a platform's webhook or the web chat alike.</summary>
public static class CustomerMessages
{
    /// <summary>
    /// Stores <paramref name="message"/> in the identity's current conversation; when that one was resolved longer ago
    /// than the reopen window, starts the identity's next conversation and stores it there. Returns the conversation
    /// it went to and the stored message.
    /// </summary>
    public static async Task<(ConversationRef Conversation, MessageRecord Stored)> ReceiveAsync(
        IGrainFactory grains, string organisationId, IChannelIdentityGrain identity, ConversationRef current, Platform platform, string displayName, InboundMessage message)
    {
        try
        {
            return (current, await grains.Get<IConversationGrain>(GrainKeys.Compose(organisationId, current.ConversationId)).ReceiveAsync(message));
        }
        catch (ConversationClosedException)
        {
            var next = await identity.StartNextConversationAsync(current.ConversationId, platform, displayName);
            return (next, await grains.Get<IConversationGrain>(GrainKeys.Compose(organisationId, next.ConversationId)).ReceiveAsync(message));
        }
    }
}
