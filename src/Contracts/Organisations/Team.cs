namespace Inbox.Contracts.Organisations;

/// <summary>A group of agents that conversations can be routed to.</summary>
/// <param name="TeamId">The team's id within its organisation.</param>
/// <param name="Name">The name agents see.</param>
[GenerateSerializer, Immutable, Alias("inbox.team.v1")]
public sealed record Team(
    [property: Id(0)] string TeamId,
    [property: Id(1)] string Name);
