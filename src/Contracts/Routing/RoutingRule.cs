using Inbox.Contracts.Conversations;

namespace Inbox.Contracts.Routing;

/// <summary>
/// An admin-defined routing rule. Rules are tried in order when a conversation starts waiting; the first whose every
/// given condition holds decides where it goes (see docs/routing.md).
/// </summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Name">What the chat shows ("assigned to X by rule <c>Name</c>").</param>
/// <param name="When">The conditions; all that are given must hold.</param>
/// <param name="Then">What happens when they do.</param>
[GenerateSerializer, Immutable, Alias("inbox.routing-rule.v1")]
public sealed record RoutingRule(
    [property: Id(0)] string RuleId,
    [property: Id(1)] string Name,
    [property: Id(2)] RuleConditions When,
    [property: Id(3)] RuleAction Then);

/// <summary>
/// A rule's conditions. Each list matches when any of its entries does; a null or empty list is no condition.
/// </summary>
/// <param name="Channels">The conversation is on one of these channels.</param>
/// <param name="Teams">The conversation is already routed to one of these teams.</param>
/// <param name="Languages">The customer's language is one of these (<c>en</c> matches <c>en-GB</c>).</param>
/// <param name="Keywords">The message that made it wait contains one of these words or phrases (case-insensitive, whole words).</param>
/// <param name="ContactAttributes">Each named contact attribute has this value (case-insensitive).</param>
/// <param name="MinPriority">The conversation's priority is at least this.</param>
[GenerateSerializer, Immutable, Alias("inbox.rule-conditions.v1")]
public sealed record RuleConditions(
    [property: Id(0)] IReadOnlyList<string>? Channels = null,
    [property: Id(1)] IReadOnlyList<string>? Teams = null,
    [property: Id(2)] IReadOnlyList<string>? Languages = null,
    [property: Id(3)] IReadOnlyList<string>? Keywords = null,
    [property: Id(4)] IReadOnlyDictionary<string, string>? ContactAttributes = null,
    [property: Id(5)] ConversationPriority? MinPriority = null);

/// <summary>What a matching rule does. At least one of the three is given.</summary>
/// <param name="TeamId">Route to this team: only its members are assigned, round robin.</param>
/// <param name="AgentId">Assign to this agent when they are online with room; otherwise the team's or everyone's round robin.</param>
/// <param name="Priority">Set this priority.</param>
[GenerateSerializer, Immutable, Alias("inbox.rule-action.v1")]
public sealed record RuleAction(
    [property: Id(0)] string? TeamId = null,
    [property: Id(1)] string? AgentId = null,
    [property: Id(2)] ConversationPriority? Priority = null);
