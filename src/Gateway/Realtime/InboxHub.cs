using Inbox.Gateway.Session;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Inbox.Gateway.Realtime;

/// <summary><c>/hubs/inbox</c>: signed-in agents receive their organisation's live events here.</summary>
[Authorize]
public sealed class InboxHub(EventRelay relay) : Hub<IInboxClient>
{
    public override async Task OnConnectedAsync()
    {
        var user = CurrentUser.From(Context.User!);
        await Groups.AddToGroupAsync(Context.ConnectionId, Audience.Agents(user.OrganisationId));
        await relay.AttachAsync(user.OrganisationId);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        relay.Detach(CurrentUser.From(Context.User!).OrganisationId);
        return Task.CompletedTask;
    }
}
