namespace Inbox.Contracts.Channels;

/// <summary>A connected channel, as everyone but an admin may see it (no secrets).</summary>
/// <param name="OrganisationId">The owning organisation.</param>
/// <param name="ChannelId">The channel's id within its organisation.</param>
/// <param name="Platform">The platform.</param>
/// <param name="Name">The name agents see.</param>
[GenerateSerializer, Immutable, Alias("inbox.channel-info.v1")]
public sealed record ChannelInfo(
    [property: Id(0)] string OrganisationId,
    [property: Id(1)] string ChannelId,
    [property: Id(2)] Platform Platform,
    [property: Id(3)] string Name);
