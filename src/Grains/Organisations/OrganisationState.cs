using Inbox.Contracts.Organisations;

namespace Inbox.Grains.Organisations;

/// <summary>An organisation's own record.</summary>
[GenerateSerializer, Alias("inbox.organisation-state.v1")]
public sealed class OrganisationState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public List<string> ChannelIds { get; set; } = [];
    [Id(2)] public List<Team> Teams { get; set; } = [];
}
