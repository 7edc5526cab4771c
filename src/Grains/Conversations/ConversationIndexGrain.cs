using Inbox.Contracts.Conversations;
using Orleans.Concurrency;

namespace Inbox.Grains.Conversations;

/// <summary>Reads the conversation list table; stateless, so every silo answers list requests locally.</summary>
[StatelessWorker]
public sealed class ConversationIndexGrain(ConversationIndex index) : Grain, IConversationIndexGrain
{
    public Task<IReadOnlyList<ConversationSummary>> ListAsync(ConversationQuery query) =>
        index.ListAsync(this.GetPrimaryKeyString(), query);
}
