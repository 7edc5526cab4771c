using Inbox.Contracts.Security;
using Inbox.Gateway.Session;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Inbox.Gateway.Realtime;

/// <summary>
/// <c>/hubs/inbox</c>: signed-in users receive the live events of the conversations they may read here. Each
/// connection joins its user's own group; <see cref="EventRelay"/> decides per event which users' groups get it.
/// </summary>
[Authorize(Policy = nameof(Permission.ConversationsRead))]
public sealed class InboxHub(EventRelay relay, ConnectedAgents connectedAgents) : Hub<IInboxClient>
{
    public override async Task OnConnectedAsync()
    {
        var user = CurrentUser.From(Context.User!);
        await Groups.AddToGroupAsync(Context.ConnectionId, Audience.Agent(user.OrganisationId, user.UserId));
        connectedAgents.Add(user, Context);
        await relay.AttachAsync(user.OrganisationId);

        // A session ended after its cookie was checked but before this connection was registered would otherwise
        // stay connected until the relay's next sweep: the "sessions ended" notice found nothing to cut.
        if (!await relay.SessionStandsAsync(user))
        {
            Context.Abort();
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        var user = CurrentUser.From(Context.User!);
        connectedAgents.Remove(user.OrganisationId, user.UserId, Context.ConnectionId);
        relay.Detach(user.OrganisationId);
        return Task.CompletedTask;
    }
}
