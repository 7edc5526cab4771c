using Inbox.Contracts.Security;

namespace Inbox.Contracts.Channels;

/// <summary>
/// A contact's identity on one channel (a widget visitor, a WhatsApp number, …): maps the platform's user id to a
/// contact and the current conversation without scanning. Key: <c>{organisationId}:{channelId}:{channelUserId}</c>.
/// </summary>
[Alias("inbox.IChannelIdentityGrain")]
public interface IChannelIdentityGrain : IGrainWithStringKey
{
    /// <summary>
    /// The conversation this identity's next message belongs to, creating the contact and the conversation on first
    /// contact. <paramref name="displayName"/> names a new contact.
    /// </summary>
    [Alias("ResolveConversation"), Requires(Permission.WidgetChat)]
    Task<ConversationRef> ResolveConversationAsync(Platform platform, string displayName, string? language = null);

    /// <summary>
    /// Starts a new conversation for this identity when <paramref name="closedConversationId"/> is still its current one
    /// (it was resolved longer ago than the reopen window); returns the current conversation either way.
    /// </summary>
    [Alias("StartNextConversation"), Requires(Permission.WidgetChat)]
    Task<ConversationRef> StartNextConversationAsync(string closedConversationId, Platform platform, string displayName);

    /// <summary>The current conversation, or null when this identity has never written.</summary>
    [Alias("GetCurrent"), Requires(Permission.WidgetChat)]
    Task<ConversationRef?> GetCurrentAsync();
}
