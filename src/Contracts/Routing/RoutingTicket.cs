using Inbox.Contracts.Conversations;

namespace Inbox.Contracts.Routing;

/// <summary>
/// What routing knows of one conversation: enough to queue it, count it against its assignee's load and match rules.
/// Sent by the conversation after every lifecycle change; the newest <paramref name="Revision"/> wins.
/// </summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="ChannelId">Its channel.</param>
/// <param name="Status">Its status.</param>
/// <param name="AssigneeId">Its agent, if any.</param>
/// <param name="TeamId">Its team, if any.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="WaitingSince">When it began waiting for an agent (open and unassigned).</param>
/// <param name="Revision">The conversation's lifecycle revision.</param>
/// <param name="Facts">What rules look at, sent when it starts waiting.</param>
/// <param name="ContactName">The customer's name, for supervisors' alerts.</param>
[GenerateSerializer, Immutable, Alias("inbox.routing-ticket.v1")]
public sealed record RoutingTicket(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string ChannelId,
    [property: Id(2)] ConversationStatus Status,
    [property: Id(3)] string? AssigneeId,
    [property: Id(4)] string? TeamId,
    [property: Id(5)] ConversationPriority Priority,
    [property: Id(6)] DateTimeOffset? WaitingSince,
    [property: Id(7)] long Revision,
    [property: Id(8)] RoutingFacts? Facts = null,
    [property: Id(9)] string? ContactName = null)
{
    /// <summary>True when it waits in the queue: open with nobody assigned.</summary>
    public bool IsWaiting => Status == ConversationStatus.Open && AssigneeId is null;

    /// <summary>True when it counts against its assignee's capacity: open or pending.</summary>
    public bool CountsAsLoad => AssigneeId is not null && Status is ConversationStatus.Open or ConversationStatus.Pending;

    /// <summary>The ticket of a conversation as its summary shows it.</summary>
    public static RoutingTicket From(ConversationSummary c, RoutingFacts? facts = null) =>
        new(c.ConversationId, c.ChannelId, c.Status, c.AssigneeId, c.TeamId, c.Priority, c.WaitingSince, c.Revision, facts, c.ContactName);
}

/// <summary>What routing rules look at besides the conversation itself.</summary>
/// <param name="Text">The customer message that made the conversation wait.</param>
/// <param name="Language">The customer's language (IETF tag), if known.</param>
/// <param name="ContactAttributes">The customer's attributes.</param>
[GenerateSerializer, Immutable, Alias("inbox.routing-facts.v1")]
public sealed record RoutingFacts(
    [property: Id(0)] string Text,
    [property: Id(1)] string? Language,
    [property: Id(2)] IReadOnlyDictionary<string, string> ContactAttributes);

/// <summary>Routing's decision for a waiting conversation, applied only if the conversation is still as routing saw it.</summary>
/// <param name="ExpectedRevision">The revision routing decided on.</param>
/// <param name="AssigneeId">Assign to this agent (null: only set team and priority).</param>
/// <param name="AssigneeName">The agent's name, for the chat's notice.</param>
/// <param name="TeamId">Route to this team.</param>
/// <param name="Priority">Set this priority.</param>
/// <param name="RuleName">The rule that decided, or null for round robin.</param>
[GenerateSerializer, Immutable, Alias("inbox.routing-decision.v1")]
public sealed record RoutingDecision(
    [property: Id(0)] long ExpectedRevision,
    [property: Id(1)] string? AssigneeId,
    [property: Id(2)] string? AssigneeName,
    [property: Id(3)] string? TeamId,
    [property: Id(4)] ConversationPriority? Priority,
    [property: Id(5)] string? RuleName);

/// <summary>The conversation's answer to a <see cref="RoutingDecision"/>.</summary>
/// <param name="Applied">False when the conversation had moved on (another revision, no longer waiting).</param>
/// <param name="Ticket">The conversation as it is now.</param>
[GenerateSerializer, Immutable, Alias("inbox.routing-outcome.v1")]
public sealed record RoutingOutcome(
    [property: Id(0)] bool Applied,
    [property: Id(1)] RoutingTicket Ticket);
