using Inbox.Contracts.Security;

namespace Inbox.Contracts.Contacts;

/// <summary>A customer, possibly known on several channels. Key: <c>{organisationId}:{contactId}</c>.</summary>
[Alias("inbox.IContactGrain")]
public interface IContactGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the contact if needed and records the identity <c>{channelId}:{channelUserId}</c> on it, with the
    /// language the platform gives (kept unless an agent set one), and that <paramref name="conversationId"/> is one of
    /// the customer's conversations (through which agents may see the customer; see <see cref="GetForCallerAsync"/>).
    /// </summary>
    [Alias("AddIdentity")]
    Task<ContactProfile> AddIdentityAsync(string name, string identity, string conversationId, string? language = null);

    /// <summary>
    /// Sets the customer's language (null: unchanged, empty: unknown) and attributes (null: unchanged; an empty value
    /// removes that attribute). Throws <see cref="ArgumentException"/> saying what is wrong with them, and
    /// <see cref="AccessDeniedException"/> when the call's caller may not see the customer (<see cref="GetForCallerAsync"/>).
    /// </summary>
    [Alias("Update"), Requires(Permission.ConversationsReply)]
    Task<ContactProfile> UpdateAsync(string? language, IReadOnlyDictionary<string, string>? attributes);

    /// <summary>Renames the contact to the name the platform's profile gives.</summary>
    [Alias("Rename")]
    Task RenameAsync(string name);

    /// <summary>The contact, for grains (no caller check), or null when it does not exist.</summary>
    [Alias("Get")]
    Task<ContactProfile?> GetAsync();

    /// <summary>
    /// The contact as the call's caller may see it, or null when it does not exist or they may not: whoever may read one
    /// of the customer's conversations (<see cref="ConversationAccess"/>) may see the customer. So a supervisor or
    /// admin sees every customer, and an agent a customer known on one of their channels or with a conversation routed
    /// to one of their teams or assigned to them.
    /// </summary>
    [Alias("GetForCaller"), Requires(Permission.ConversationsRead)]
    Task<ContactProfile?> GetForCallerAsync();
}
