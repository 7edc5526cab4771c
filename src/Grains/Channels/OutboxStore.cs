using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Inbox.Contracts.Messages;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Channels;

/// <summary>
/// A channel's durable outbox (<see cref="TableNames.Outbox"/>): a reply is written here before it is sent and deleted
/// once the platform's answer is recorded in its conversation, so a silo that stops mid-queue loses nothing. A row
/// marked <see cref="OutboxEntry.Sending"/> was handed to the platform and not yet answered.
/// </summary>
public sealed class OutboxStore(TableServiceClient tables)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _table = tables.GetTableClient(TableNames.Outbox);

    /// <summary>Every reply queued on the channel, oldest first.</summary>
    public async Task<List<OutboxEntry>> ReadAsync(string channelKey, CancellationToken cancellationToken = default)
    {
        var entries = new List<OutboxEntry>();
        await foreach (var row in _table.QueryAsync<OutboxEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {channelKey}"), cancellationToken: cancellationToken))
        {
            entries.Add(new OutboxEntry(
                long.Parse(row.RowKey, CultureInfo.InvariantCulture),
                JsonSerializer.Deserialize<OutboundReply>(row.Reply, Json)!,
                row.QueuedAt,
                row.Attempts,
                row.Sending));
        }

        return entries;
    }

    /// <summary>Writes a new entry; false when its order number is taken (another activation wrote it).</summary>
    public async Task<bool> AddAsync(string channelKey, OutboxEntry entry)
    {
        try
        {
            await _table.AddEntityAsync(Entity(channelKey, entry));
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Rewrites an entry's attempt count and sending mark.</summary>
    public Task UpdateAsync(string channelKey, OutboxEntry entry) =>
        _table.UpsertEntityAsync(Entity(channelKey, entry), TableUpdateMode.Replace);

    /// <summary>Removes an entry (done with); one already gone is fine.</summary>
    public async Task DeleteAsync(string channelKey, long order)
    {
        try
        {
            await _table.DeleteEntityAsync(channelKey, RowKey(order));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Deleted before: nothing to do.
        }
    }

    private static string RowKey(long order) => order.ToString("D12", CultureInfo.InvariantCulture);

    private static OutboxEntity Entity(string channelKey, OutboxEntry entry) => new()
    {
        PartitionKey = channelKey,
        RowKey = RowKey(entry.Order),
        Reply = JsonSerializer.Serialize(entry.Reply, Json),
        QueuedAt = entry.QueuedAt,
        Attempts = entry.Attempts,
        Sending = entry.Sending,
    };

    private sealed class OutboxEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }

        /// <summary>The reply as JSON (its text, quick replies and file reference).</summary>
        public string Reply { get; set; } = "";
        public DateTimeOffset QueuedAt { get; set; }
        public int Attempts { get; set; }
        public bool Sending { get; set; }
    }
}

/// <summary>One queued reply.</summary>
/// <param name="Order">Its place in the channel's queue.</param>
/// <param name="Reply">The reply.</param>
/// <param name="QueuedAt">When it was queued.</param>
/// <param name="Attempts">How many sends the platform refused for a passing reason (rate limits and held tokens do not count).</param>
/// <param name="Sending">Handed to the platform and not yet answered: after a crash, it may or may not have arrived.</param>
public sealed record OutboxEntry(long Order, OutboundReply Reply, DateTimeOffset QueuedAt, int Attempts = 0, bool Sending = false);
