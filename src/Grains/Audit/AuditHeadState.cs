namespace Inbox.Grains.Audit;

/// <summary>Where an audit partition's chain had got to when last saved; the table may be ahead of it.</summary>
[GenerateSerializer, Alias("inbox.audit-head-state.v1")]
public sealed class AuditHeadState
{
    [Id(0)] public long LastSequence { get; set; }
    [Id(1)] public string LastHash { get; set; } = "";
}
