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
            CallerKind.User => MayReadChannel(caller, conversation.OrganisationId, conversation.ChannelId)
                || (caller.Has(Permission.ConversationsRead)
                    && ((conversation.TeamId is { } team && caller.Teams.Contains(team)) || conversation.AssigneeId == caller.Id)),
            CallerKind.Visitor => caller.Channels.Contains(conversation.ChannelId) && conversation.ChannelUserId == caller.Id,
            _ => false,
        };
    }

    /// <summary>
    /// True when the user <paramref name="caller"/> may read every conversation of <paramref name="organisationId"/> on
    /// <paramref name="channelId"/>, whoever it is routed or assigned to: a supervisor or admin of that organisation, or
    /// an agent who works the channel. (A customer known on that channel is then theirs to see too.)
    /// </summary>
    public static bool MayReadChannel(Caller caller, string organisationId, string channelId) =>
        caller.Kind == CallerKind.User
        && caller.OrganisationId == organisationId
        && (caller.Has(Permission.ConversationsReadAll) || (caller.Has(Permission.ConversationsRead) && caller.Channels.Contains(channelId)));
}
