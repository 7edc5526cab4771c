using Inbox.Contracts.Conversations;

namespace Inbox.Contracts.Security;

/// <summary>
/// The one rule for who may see a conversation: used by the conversation grain, the conversation list and the gateway's
/// live-event fan-out alike.
/// </summary>
public static class ConversationAccess
{
    /// <summary>
    /// True when <paramref name="caller"/> may read <paramref name="conversation"/>: a supervisor or admin of its
    /// organisation; an agent when it is on one of their channels, routed to one of their teams or assigned to them; a
    /// visitor when it is theirs.
    /// </summary>
    public static bool MayRead(Caller caller, ConversationSummary conversation)
    {
        if (caller.OrganisationId != conversation.OrganisationId)
        {
            return false;
        }

        return caller.Kind switch
        {
            CallerKind.User => caller.Has(Permission.ConversationsReadAll)
                || (caller.Has(Permission.ConversationsRead)
                    && (caller.Channels.Contains(conversation.ChannelId)
                        || (conversation.TeamId is { } team && caller.Teams.Contains(team))
                        || conversation.AssigneeId == caller.Id)),
            CallerKind.Visitor => caller.Channels.Contains(conversation.ChannelId) && conversation.ChannelUserId == caller.Id,
            _ => false,
        };
    }
}
