using Inbox.Contracts.Events;
using Inbox.Testing;

namespace Inbox.Gateway.Tests;

/// <summary>The other clustering mode, chosen by configuration alone: one silo at fixed ports, no membership table.</summary>
public sealed class ClusteringTests
{
    [Fact]
    public async Task A_message_goes_round_trip_with_localhost_clustering_too()
    {
        await using var system = await InboxSystem.StartAsync(clustering: "Localhost");
        using var api = await system.SignInAgentAsync();
        await using var agent = await AgentConnection.ConnectAsync(system.GatewayUrl, api);
        await using var visitor = await WidgetConnection.ConnectAsync(system.GatewayUrl, InboxSystem.WebsiteToken, Guid.NewGuid().ToString("N"));

        var sent = await visitor.SendAsync("Hello over localhost clustering", "c-1");
        var arrived = await agent.Events.WaitForAsync(e => e.Type == EventNames.MessageCreated && e.Message?.MessageId == sent.MessageId, TimeSpan.FromSeconds(10));
        var reply = await api.ReplyAsync(arrived.Conversation.ConversationId, "Hello back");
        await visitor.Messages.WaitForAsync(m => m.MessageId == reply.MessageId, TimeSpan.FromSeconds(10));
    }
}
