using Azure;
using Azure.Data.Tables;
using Inbox.Contracts.Audit;
using Inbox.Contracts.Security;

namespace Inbox.Grains.Audit;

/// <summary>One row of the audit table. RowKey is the inverted sequence, so a partition reads newest first.</summary>
internal sealed class AuditEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorKind { get; set; } = "";
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string? FromAddress { get; set; }
    public string Action { get; set; } = "";
    public string SubjectType { get; set; } = "";
    public string SubjectId { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public static AuditEntity Create(string partition, long sequence, AuditRecord record, string previousHash, string hash) => new()
    {
        PartitionKey = partition,
        RowKey = AuditStore.RowKey(sequence),
        Sequence = sequence,
        At = record.At,
        ActorKind = record.ActorKind?.ToString() ?? "",
        ActorId = record.ActorId,
        ActorName = record.ActorName,
        FromAddress = record.From,
        Action = record.Action,
        SubjectType = record.SubjectType,
        SubjectId = record.SubjectId,
        Before = record.Before,
        After = record.After,
        PreviousHash = previousHash,
        Hash = hash,
    };

    public AuditRecord ToRecord() => new(
        At,
        ActorKind.Length == 0 ? null : Enum.Parse<CallerKind>(ActorKind),
        ActorId,
        ActorName,
        FromAddress,
        Action,
        SubjectType,
        SubjectId,
        Before,
        After);

    public AuditEntry ToEntry() => new(PartitionKey, Sequence, ToRecord(), Hash);
}
