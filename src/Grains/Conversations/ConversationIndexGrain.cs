using Inbox.Contracts.Conversations;
using Inbox.Contracts.Security;
using Orleans.Concurrency;

namespace Inbox.Grains.Conversations;

/// <summary>
/// Reads the conversation list (the stored rows, with the list writer's newer ones laid over them), keeping only what
/// the caller may see; stateless, so every silo answers list requests locally.
/// </summary>
[StatelessWorker]
public sealed class ConversationIndexGrain(ConversationIndex index) : Grain, IConversationIndexGrain
{
    public Task<IReadOnlyList<ConversationSummary>> ListAsync(ConversationQuery query)
    {
        var caller = CallerContext.Current;
        return index.ListAsync(this.GetPrimaryKeyString(), query, caller is null ? null : c => ConversationAccess.MayRead(caller, c));
    }
}
