using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Gateway.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Inbox.Gateway.Realtime;

/// <summary>
/// <c>/hubs/widget?websiteToken=…&amp;visitorToken=…</c>: web-chat visitors send messages and receive replies here.
/// No user account: the website token names the channel, the visitor token the visitor (see
/// <see cref="WidgetAuthenticationHandler"/>).
/// </summary>
[Authorize(AuthenticationSchemes = WidgetAuthenticationHandler.SchemeName)]
public sealed class WidgetHub(IGrainFactory grains, EventRelay relay, VisitorMessageLimiter limiter) : Hub<IWidgetClient>
{
    private const int MaxHistoryPage = 100;

    public override async Task OnConnectedAsync()
    {
        var visitor = Visitor;
        await Groups.AddToGroupAsync(Context.ConnectionId, Audience.Customer(visitor.Channel.OrganisationId, visitor.Channel.ChannelId, visitor.VisitorId));
        await relay.AttachAsync(visitor.Channel.OrganisationId);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        relay.Detach(Visitor.Channel.OrganisationId);
        return Task.CompletedTask;
    }

    /// <summary>Sends the visitor's message; a retry with the same <paramref name="clientMessageId"/> is stored once.</summary>
    [HubMethodName("send")]
    public async Task<WidgetMessage> SendAsync(string text, string clientMessageId)
    {
        if (MessageText.Validate(text) is { } problem)
        {
            throw new HubException(problem);
        }

        if (!GrainKeys.IsValidId(clientMessageId))
        {
            throw new HubException("clientMessageId must be 1-64 letters, digits, '-' or '_'.");
        }

        var visitor = Visitor;
        if (!limiter.TryAcquire(visitor.IdentityKey))
        {
            throw new HubException("You are sending messages too fast: wait a moment and try again.");
        }

        var identity = grains.Get<IChannelIdentityGrain>(visitor.IdentityKey);
        var current = await identity.ResolveConversationAsync(visitor.Channel.Platform, visitor.DisplayName);
        var (_, stored) = await CustomerMessages.ReceiveAsync(
            grains, visitor.Channel.OrganisationId, identity, current, visitor.Channel.Platform, visitor.DisplayName, new InboundMessage(clientMessageId, text));
        return WidgetMessage.From(stored);
    }

    /// <summary>Up to <paramref name="limit"/> messages before sequence <paramref name="before"/> (the newest when null), oldest first.</summary>
    [HubMethodName("history")]
    public async Task<WidgetHistory> HistoryAsync(long? before, int limit)
    {
        if (before is < 1)
        {
            throw new HubException("before must be a sequence number of 1 or more.");
        }

        var visitor = Visitor;
        var current = await grains.Get<IChannelIdentityGrain>(visitor.IdentityKey).GetCurrentAsync();
        if (current is null)
        {
            return new WidgetHistory([], false);
        }

        var page = await Conversation(visitor, current).GetMessagesAsync(before, Math.Clamp(limit, 1, MaxHistoryPage));
        return new WidgetHistory(page.Messages.Where(Audience.ReachesCustomer).Select(WidgetMessage.From).ToList(), page.HasMore);
    }

    private WidgetVisitor Visitor => WidgetVisitor.From(Context.User!);

    private IConversationGrain Conversation(WidgetVisitor visitor, ConversationRef current) =>
        grains.Get<IConversationGrain>(GrainKeys.Compose(visitor.Channel.OrganisationId, current.ConversationId));
}
