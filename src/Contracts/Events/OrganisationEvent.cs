using Inbox.Contracts.Agents;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Wallboard;

namespace Inbox.Contracts.Events;

/// <summary>A live event about the organisation rather than one conversation; exactly one payload is set.</summary>
/// <param name="Type">One of <see cref="EventNames"/>: <c>wallboard.updated</c>, <c>wallboard.alert</c>, <c>agent.presence_changed</c>, <c>channel.status_changed</c> or <c>channel.alert</c>.</param>
/// <param name="OrganisationId">The organisation.</param>
/// <param name="Wallboard">The new wallboard, for <c>wallboard.updated</c>.</param>
/// <param name="Alert">The long wait, for <c>wallboard.alert</c>.</param>
/// <param name="Agent">The agent, for <c>agent.presence_changed</c>.</param>
/// <param name="Channel">The channel, for <c>channel.status_changed</c> and <c>channel.alert</c>.</param>
/// <param name="Health">For <c>channel.alert</c> (to admins only): the channel's health when it went wrong or recovered.</param>
[GenerateSerializer, Immutable, Alias("inbox.organisation-event.v1")]
public sealed record OrganisationEvent(
    [property: Id(0)] string Type,
    [property: Id(1)] string OrganisationId,
    [property: Id(2)] WallboardSnapshot? Wallboard = null,
    [property: Id(3)] WaitAlert? Alert = null,
    [property: Id(4)] AgentStatus? Agent = null,
    [property: Id(5)] ChannelInfo? Channel = null,
    [property: Id(6)] ChannelHealth? Health = null);
