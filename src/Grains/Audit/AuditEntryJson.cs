using System.Text.Json.Serialization;

namespace Inbox.Grains.Audit;

/// <summary>
/// One entry as a block stores it, a JSON string: its place in the chain and every field of its record. The names are
/// the stored format, so each is spelled out rather than derived from the C# name.
/// </summary>
internal sealed record AuditEntryJson(
    [property: JsonPropertyName("seq")] long Sequence,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("actorId")] string ActorId,
    [property: JsonPropertyName("actorName")] string ActorName,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("subjectType")] string SubjectType,
    [property: JsonPropertyName("subjectId")] string SubjectId,
    [property: JsonPropertyName("prev")] string PreviousHash,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("actorKind")] string? ActorKind = null,
    [property: JsonPropertyName("from")] string? From = null,
    [property: JsonPropertyName("before")] string? Before = null,
    [property: JsonPropertyName("after")] string? After = null);
