namespace Inbox.Contracts.Conversations;

/// <summary>A filter for the conversation list.</summary>
/// <param name="Status">Only conversations in this status; all when null.</param>
/// <param name="Limit">At most this many, newest activity first.</param>
/// <param name="Assignee">Only those assigned to this user; all when null.</param>
/// <param name="Unassigned">Only those nobody is assigned to.</param>
/// <param name="TeamId">Only those routed to this team.</param>
[GenerateSerializer, Immutable, Alias("inbox.conversation-query.v1")]
public sealed record ConversationQuery(
    [property: Id(0)] ConversationStatus? Status,
    [property: Id(1)] int Limit,
    [property: Id(2)] string? Assignee = null,
    [property: Id(3)] bool Unassigned = false,
    [property: Id(4)] string? TeamId = null)
{
    /// <summary>True when <paramref name="conversation"/> passes every filter (storage applies the status too, to read less).</summary>
    public bool Matches(ConversationSummary conversation) =>
        (Status is null || conversation.Status == Status)
        && (Assignee is null || conversation.AssigneeId == Assignee)
        && (!Unassigned || conversation.AssigneeId is null)
        && (TeamId is null || conversation.TeamId == TeamId);
}
