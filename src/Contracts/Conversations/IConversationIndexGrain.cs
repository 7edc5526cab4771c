using Inbox.Contracts.Security;
using Orleans.Concurrency;

namespace Inbox.Contracts.Conversations;

/// <summary>Reads an organisation's conversation list. Key: the organisation id. A stateless worker, so reads scale out.</summary>
[Alias("inbox.IConversationIndexGrain")]
public interface IConversationIndexGrain : IGrainWithStringKey
{
    /// <summary>The organisation's conversations that match the query, newest activity first.</summary>
    [Alias("List"), ReadOnly, Requires(Permission.ConversationsRead)]
    Task<IReadOnlyList<ConversationSummary>> ListAsync(ConversationQuery query);
}
