using Inbox.Contracts.Events;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inbox.Testing;

/// <summary>A signed-in agent's real SignalR connection to <c>/hubs/inbox</c>, collecting live events.</summary>
public sealed class AgentConnection : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private AgentConnection(HubConnection connection) => _connection = connection;

    public LiveFeed<InboxEvent> Events { get; } = new();

    /// <summary>Completes when the server closes the connection.</summary>
    public Task Closed => _closed.Task;

    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<AgentConnection> ConnectAsync(Uri gateway, InboxApi session)
    {
        var connection = HubClient.Build(new Uri(gateway, "hubs/inbox"), o => o.Cookies = session.Cookies);
        var agent = new AgentConnection(connection);
        connection.On<InboxEvent>("ReceiveEvent", agent.Events.Add);
        connection.Closed += _ =>
        {
            agent._closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        return agent;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
