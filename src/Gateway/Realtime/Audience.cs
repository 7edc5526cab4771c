using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;

namespace Inbox.Gateway.Realtime;

/// <summary>
/// Who receives which live event, decided here and nowhere else. A signed-in user gets the events of the conversations
/// they may read (<see cref="Inbox.Contracts.Security.ConversationAccess"/>, asked through <see cref="ConnectedAgents"/>);
/// the customer gets only messages meant for them (never notes or system activity). Platform
/// customers are reached through their platform, not a hub; only widget visitors ever join a customer group, so no
/// platform check is needed.
/// </summary>
public static class Audience
{
    /// <summary>The SignalR group of one signed-in user's inbox connections.</summary>
    public static string Agent(string organisationId, string userId) => "agent:" + GrainKeys.Compose(organisationId, userId);

    /// <summary>The SignalR group of the connections of an organisation's users who may see the wallboard.</summary>
    public static string Wallboard(string organisationId) => "wallboard:" + organisationId;

    /// <summary>The SignalR group of the connections of an organisation's users who manage channels (health alerts).</summary>
    public static string ChannelAdmins(string organisationId) => "channel-admins:" + organisationId;

    /// <summary>The SignalR group of one customer identity's widget connections.</summary>
    public static string Customer(string organisationId, string channelId, string channelUserId) =>
        "customer:" + GrainKeys.Compose(organisationId, channelId, channelUserId);

    /// <summary>True when the customer may see this message.</summary>
    public static bool ReachesCustomer(MessageRecord message) =>
        message.Kind is MessageKind.Incoming or MessageKind.Outgoing;
}
