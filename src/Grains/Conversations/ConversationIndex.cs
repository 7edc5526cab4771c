using Azure.Data.Tables;
using Inbox.Contracts.Conversations;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Conversations;

/// <summary>
/// The organisation's conversation list as a table (PartitionKey = organisation), written by each conversation grain
/// after every change. It also holds the newest sequence the conversation has stored, which is how a reactivated
/// conversation finds the end of its log without a grain-state write per message.
/// </summary>
public sealed class ConversationIndex(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Conversations);

    /// <summary>Writes the conversation's row.</summary>
    public async Task UpsertAsync(ConversationSummary summary, CancellationToken cancellationToken = default) =>
        await _table.UpsertEntityAsync(ConversationEntity.From(summary), TableUpdateMode.Replace, cancellationToken);

    /// <summary>The conversation's row, or null when it has none.</summary>
    public async Task<ConversationSummary?> GetAsync(string organisationId, string conversationId, CancellationToken cancellationToken = default)
    {
        var response = await _table.GetEntityIfExistsAsync<ConversationEntity>(organisationId, conversationId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToSummary() : null;
    }

    /// <summary>The organisation's conversations matching the query and <paramref name="visible"/>, newest activity first.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(
        string organisationId, ConversationQuery query, Func<ConversationSummary, bool>? visible = null, CancellationToken cancellationToken = default)
    {
        var filter = query.Status is { } status
            ? TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and Status eq {status.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {organisationId}");

        // Table storage orders by RowKey only; the list is small per organisation until search and paging land,
        // so order in memory.
        var all = new List<ConversationSummary>();
        await foreach (var entity in _table.QueryAsync<ConversationEntity>(filter, cancellationToken: cancellationToken))
        {
            var summary = entity.ToSummary();
            if (visible is null || visible(summary))
            {
                all.Add(summary);
            }
        }

        return all.OrderByDescending(c => c.LastActivityAt).Take(query.Limit).ToList();
    }
}
