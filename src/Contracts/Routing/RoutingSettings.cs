namespace Inbox.Contracts.Routing;

/// <summary>An organisation's routing settings and rules.</summary>
/// <param name="AutoAssign">Assign waiting conversations automatically; when off they wait for someone to take them.</param>
/// <param name="DefaultCapacity">How many open conversations an agent holds at most unless an admin set their own.</param>
/// <param name="ReturnToQueueWhenOffline">When an agent goes offline, their open conversations go back to the queue.</param>
/// <param name="WaitAlertSeconds">Supervisors are alerted when a customer has waited this long for an agent.</param>
/// <param name="ReopenWindowHours">A customer writing within this many hours of a resolution reopens the conversation; later starts a new one.</param>
/// <param name="Rules">Tried in order; the first that matches decides.</param>
[GenerateSerializer, Immutable, Alias("inbox.routing-settings.v1")]
public sealed record RoutingSettings(
    [property: Id(0)] bool AutoAssign,
    [property: Id(1)] int DefaultCapacity,
    [property: Id(2)] bool ReturnToQueueWhenOffline,
    [property: Id(3)] int WaitAlertSeconds,
    [property: Id(4)] int ReopenWindowHours,
    [property: Id(5)] IReadOnlyList<RoutingRule> Rules)
{
    /// <summary>An agent never holds more than this many conversations at once.</summary>
    public const int MaxCapacity = 1000;

    /// <summary>At most this many rules.</summary>
    public const int MaxRules = 100;

    /// <summary>What a new organisation starts with.</summary>
    public static RoutingSettings Default { get; } = new(true, 10, false, 300, 168, []);

    /// <summary>How long after a resolution a customer's message reopens the conversation.</summary>
    public TimeSpan ReopenWindow => TimeSpan.FromHours(ReopenWindowHours);

    /// <summary>How long a customer may wait before supervisors are alerted.</summary>
    public TimeSpan WaitAlertAfter => TimeSpan.FromSeconds(WaitAlertSeconds);
}
