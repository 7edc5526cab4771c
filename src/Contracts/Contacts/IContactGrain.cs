using Inbox.Contracts.Security;

namespace Inbox.Contracts.Contacts;

/// <summary>A customer, possibly known on several channels. Key: <c>{organisationId}:{contactId}</c>.</summary>
[Alias("inbox.IContactGrain")]
public interface IContactGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the contact if needed and records the identity <c>{channelId}:{channelUserId}</c> on it, with the
    /// language the platform gives (kept unless an agent set one).
    /// </summary>
    [Alias("AddIdentity")]
    Task<ContactProfile> AddIdentityAsync(string name, string identity, string? language = null);

    /// <summary>
    /// Sets the customer's language (null: unchanged, empty: unknown) and attributes (null: unchanged; an empty value
    /// removes that attribute). Throws <see cref="ArgumentException"/> saying what is wrong with them.
    /// </summary>
    [Alias("Update"), Requires(Permission.ConversationsReply)]
    Task<ContactProfile> UpdateAsync(string? language, IReadOnlyDictionary<string, string>? attributes);

    /// <summary>Renames the contact to the name the platform's profile gives.</summary>
    [Alias("Rename")]
    Task RenameAsync(string name);

    /// <summary>The contact, or null when it does not exist.</summary>
    [Alias("Get"), Requires(Permission.ConversationsRead)]
    Task<ContactProfile?> GetAsync();
}
