using Inbox.Contracts.Agents;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Security;
using Inbox.Gateway.Session;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Inbox.Gateway.Realtime;

/// <summary>
/// <c>/hubs/inbox</c>: signed-in users receive the live events of the conversations they may read here. Each
/// connection joins its user's own group (and supervisors the wallboard's); <see cref="EventRelay"/> decides per event
/// which groups get it. The hub's methods do what the REST API does, over the open connection; the grains check every
/// permission again, and <see cref="Security.CallerHubFilter"/> turns their refusals into readable hub errors.
/// </summary>
[Authorize(Policy = nameof(Permission.ConversationsRead))]
public sealed class InboxHub(EventRelay relay, ConnectedAgents connectedAgents, PresenceReporter presence, IGrainFactory grains) : Hub<IInboxClient>
{
    public override async Task OnConnectedAsync()
    {
        var user = CurrentUser.From(Context.User!);
        await Groups.AddToGroupAsync(Context.ConnectionId, Audience.Agent(user.OrganisationId, user.UserId));
        if (user.Permissions.Contains(Permission.WallboardRead))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, Audience.Wallboard(user.OrganisationId));
        }

        if (user.Permissions.Contains(Permission.ChannelsManage))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, Audience.ChannelAdmins(user.OrganisationId));
        }

        connectedAgents.Add(user, Context);
        await relay.AttachAsync(user.OrganisationId);

        // A session ended after its cookie was checked but before this connection was registered would otherwise
        // stay connected until the relay's next sweep: the "sessions ended" notice found nothing to cut.
        if (!await relay.SessionStandsAsync(user))
        {
            Context.Abort();
            return;
        }

        await presence.ReportOpenedAsync(user.OrganisationId, user.UserId, Context.ConnectionId);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var user = CurrentUser.From(Context.User!);
        connectedAgents.Remove(user.OrganisationId, user.UserId, Context.ConnectionId);
        relay.Detach(user.OrganisationId);
        await presence.ReportClosedAsync(user.OrganisationId, user.UserId, Context.ConnectionId);
    }

    /// <summary>Sets the caller's own presence: online, away or offline.</summary>
    [HubMethodName("setPresence")]
    public Task<AgentStatus> SetPresenceAsync(AgentPresence presence) => Agent().SetPresenceAsync(presence);

    /// <summary>Moves a conversation to a status (snoozed: until a time).</summary>
    [HubMethodName("setStatus")]
    public Task<ConversationSummary> SetStatusAsync(string conversationId, ConversationStatus status, DateTimeOffset? snoozeUntil) =>
        Conversation(conversationId).SetStatusAsync(status, snoozeUntil);

    /// <summary>Sets a conversation's priority.</summary>
    [HubMethodName("setPriority")]
    public Task<ConversationSummary> SetPriorityAsync(string conversationId, ConversationPriority priority) =>
        Conversation(conversationId).SetPriorityAsync(priority);

    /// <summary>Assigns a conversation (null: back to the queue), and optionally routes it to a team ("" for none).</summary>
    [HubMethodName("assign")]
    public Task<ConversationSummary> AssignAsync(string conversationId, string? assigneeId, string? teamId) =>
        Conversation(conversationId).AssignAsync(assigneeId, teamId);

    /// <summary>Starts or stops observing a conversation silently.</summary>
    [HubMethodName("observe")]
    public Task<ConversationSummary> ObserveAsync(string conversationId, bool observing) => Conversation(conversationId).ObserveAsync(observing);

    /// <summary>Adds an internal note to a conversation.</summary>
    [HubMethodName("addNote")]
    public Task<MessageRecord> AddNoteAsync(string conversationId, string text) => Conversation(conversationId).AddNoteAsync(text);

    private IAgentGrain Agent()
    {
        var user = CurrentUser.From(Context.User!);
        return grains.Get<IAgentGrain>(GrainKeys.Compose(user.OrganisationId, user.UserId));
    }

    private IConversationGrain Conversation(string conversationId) =>
        GrainKeys.IsValidId(conversationId)
            ? grains.Get<IConversationGrain>(GrainKeys.Compose(CurrentUser.From(Context.User!).OrganisationId, conversationId))
            : throw new ConversationNotFoundException(conversationId);
}
