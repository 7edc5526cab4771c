namespace Inbox.Contracts.Agents;

/// <summary>An agent as routing and the wallboard see them.</summary>
/// <param name="OrganisationId">Their organisation.</param>
/// <param name="UserId">Their user id.</param>
/// <param name="Name">Their display name.</param>
/// <param name="Presence">What they are now: their chosen presence while connected (or within the grace period after their last connection dropped), otherwise offline.</param>
/// <param name="ChosenPresence">What they set themselves to.</param>
/// <param name="Connected">Whether a client of theirs is connected now.</param>
/// <param name="Capacity">How many open conversations they hold at most (their own setting, or the organisation's default).</param>
/// <param name="OwnCapacity">Their own capacity setting; null means the organisation's default.</param>
/// <param name="Teams">Their teams.</param>
/// <param name="Channels">Their channels.</param>
/// <param name="Active">False for a deactivated user, who is never assigned.</param>
[GenerateSerializer, Immutable, Alias("inbox.agent-status.v1")]
public sealed record AgentStatus(
    [property: Id(0)] string OrganisationId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Name,
    [property: Id(3)] AgentPresence Presence,
    [property: Id(4)] AgentPresence ChosenPresence,
    [property: Id(5)] bool Connected,
    [property: Id(6)] int Capacity,
    [property: Id(7)] int? OwnCapacity,
    [property: Id(8)] IReadOnlyList<string> Teams,
    [property: Id(9)] IReadOnlyList<string> Channels,
    [property: Id(10)] bool Active);
