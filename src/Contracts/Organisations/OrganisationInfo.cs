namespace Inbox.Contracts.Organisations;

/// <summary>A tenant: one support centre.</summary>
/// <param name="OrganisationId">The organisation's id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="ChannelIds">Its channels.</param>
/// <param name="Teams">Its teams, by name.</param>
[GenerateSerializer, Immutable, Alias("inbox.organisation-info.v1")]
public sealed record OrganisationInfo(
    [property: Id(0)] string OrganisationId,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> ChannelIds,
    [property: Id(3)] IReadOnlyList<Team> Teams);
