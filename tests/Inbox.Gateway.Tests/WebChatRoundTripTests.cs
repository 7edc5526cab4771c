using Inbox.Contracts.Events;
using Inbox.Contracts.Messages;
using Inbox.Testing;

namespace Inbox.Gateway.Tests;

/// <summary>
/// The walking skeleton end to end: real Azurite, a real silo process and a real gateway process; a visitor and an
/// agent on real SignalR connections.
/// </summary>
public sealed class WebChatRoundTripTests : IAsyncLifetime
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AfterRestart = TimeSpan.FromSeconds(60);
    private InboxSystem _system = null!;

    public async ValueTask InitializeAsync() => _system = await InboxSystem.StartAsync();

    public async ValueTask DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Customer_and_agent_talk_live_and_the_history_survives_a_silo_restart()
    {
        using var api = await _system.SignInAgentAsync();
        await using var agent = await AgentConnection.ConnectAsync(_system.GatewayUrl, api);
        await using var visitor = await WidgetConnection.ConnectAsync(_system.GatewayUrl, InboxSystem.WebsiteToken, NewVisitorToken());

        // The customer writes; the agent sees the new conversation and the message, numbered 1.
        var first = await visitor.SendAsync("Hello, my order is late", "client-1");
        var created = await agent.Events.WaitForAsync(e => e.Type == EventNames.ConversationCreated, Live);
        var arrived = await agent.Events.WaitForAsync(e => e.Type == EventNames.MessageCreated && e.Message?.MessageId == first.MessageId, Live);
        var conversationId = arrived.Conversation.ConversationId;
        Assert.Equal(created.Conversation.ConversationId, conversationId);
        Assert.Equal(1, arrived.Sequence);
        Assert.Equal(conversationId, arrived.Message!.ConversationId);
        Assert.Equal(MessageKind.Incoming, arrived.Message.Kind);
        Assert.Equal("Hello, my order is late", arrived.Message.Text);
        Assert.Equal("Hello, my order is late", arrived.Conversation.LastMessagePreview);

        // The agent is the only one connected, so routing assigns it to him at once; the chat says so (number 2).
        var assigned = await agent.Events.WaitForAsync(e => e.Type == EventNames.ConversationAssigned && e.Conversation.ConversationId == conversationId, Live);
        Assert.Equal(("u_agent", 2L), (assigned.Conversation.AssigneeId, assigned.Sequence));
        Assert.Equal((MessageKind.Activity, "Assigned to Alex Agent by round robin"), (assigned.Message!.Kind, assigned.Message.Text));
        Assert.Null(assigned.Conversation.WaitingSince);

        // The agent replies; the customer gets it live, with the agent's name.
        var reply = await api.ReplyAsync(conversationId, "Sorry about that! Let me check.");
        Assert.Equal(3, reply.Sequence);
        var atVisitor = await visitor.Messages.WaitForAsync(m => m.MessageId == reply.MessageId, Live);
        Assert.Equal(MessageKind.Outgoing, atVisitor.Kind);
        Assert.Equal("Sorry about that! Let me check.", atVisitor.Text);
        Assert.Equal("Alex Agent", atVisitor.AuthorName);
        var replyEvent = await agent.Events.WaitForAsync(e => e.Message?.MessageId == reply.MessageId, Live);
        Assert.Equal(3, replyEvent.Sequence);

        // A redelivered customer message (same client id) is stored once.
        var third = await visitor.SendAsync("It is order 1234", "client-3");
        var redelivered = await visitor.SendAsync("It is order 1234", "client-3");
        Assert.Equal(third.MessageId, redelivered.MessageId);
        Assert.Equal(4, third.Sequence);
        await api.ReplyAsync(conversationId, "Found it: it ships today.");

        await _system.RestartSiloAsync();

        // After the restart the history is complete and ordered (the gateway reconnects to the new silo by itself).
        var history = await Eventually.SucceedsAsync(() => api.GetMessagesAsync(conversationId), AfterRestart);
        Assert.Equal([1L, 2, 3, 4, 5], history.Items.Select(m => m.Sequence));
        Assert.Equal(
            ["Hello, my order is late", "Assigned to Alex Agent by round robin", "Sorry about that! Let me check.", "It is order 1234", "Found it: it ships today."],
            history.Items.Select(m => m.Text));
        Assert.Equal(
            [MessageKind.Incoming, MessageKind.Activity, MessageKind.Outgoing, MessageKind.Incoming, MessageKind.Outgoing],
            history.Items.Select(m => m.Kind));
        Assert.All(history.Items.Where(m => m.Kind == MessageKind.Outgoing), m => Assert.Equal("Alex Agent", m.AuthorName));

        var listed = Assert.Single(await api.ListConversationsAsync(), c => c.ConversationId == conversationId);
        Assert.Equal(5, listed.LastSequence);
        Assert.Equal("u_agent", listed.AssigneeId);
        Assert.Equal("Found it: it ships today.", listed.LastMessagePreview);

        // And the conversation goes on live, numbered after what was stored before the restart.
        var fifth = await Eventually.SucceedsAsync(() => visitor.SendAsync("Thanks!", "client-5"), AfterRestart);
        Assert.Equal(6, fifth.Sequence);
        var fifthEvent = await agent.Events.WaitForAsync(e => e.Message?.MessageId == fifth.MessageId, TimeSpan.FromSeconds(30));
        Assert.Equal(6, fifthEvent.Sequence);
    }

    [Fact]
    public async Task A_visitor_who_comes_back_with_the_same_token_sees_their_conversation()
    {
        var token = NewVisitorToken();
        await using (var firstVisit = await WidgetConnection.ConnectAsync(_system.GatewayUrl, InboxSystem.WebsiteToken, token))
        {
            await firstVisit.SendAsync("First visit", "a");
        }

        await using var secondVisit = await WidgetConnection.ConnectAsync(_system.GatewayUrl, InboxSystem.WebsiteToken, token);
        var history = await secondVisit.HistoryAsync();
        Assert.Equal(["First visit"], history.Items.Select(m => m.Text));

        await using var stranger = await WidgetConnection.ConnectAsync(_system.GatewayUrl, InboxSystem.WebsiteToken, NewVisitorToken());
        Assert.Empty((await stranger.HistoryAsync()).Items);
    }

    private static string NewVisitorToken() => Guid.NewGuid().ToString("N");
}
