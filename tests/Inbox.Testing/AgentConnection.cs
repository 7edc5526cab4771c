using Inbox.Contracts.Events;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inbox.Testing;

/// <summary>A signed-in agent's real SignalR connection to <c>/hubs/inbox</c>, collecting live events.</summary>
public sealed class AgentConnection : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private AgentConnection(HubConnection connection) => _connection = connection;

    public LiveFeed<InboxEvent> Events { get; } = new();

    /// <summary>Wallboard updates, wait alerts and presence changes (supervisors get them all; agents their own presence).</summary>
    public LiveFeed<OrganisationEvent> OrganisationEvents { get; } = new();

    /// <summary>Completes when the server closes the connection.</summary>
    public Task Closed => _closed.Task;

    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<AgentConnection> ConnectAsync(Uri gateway, InboxApi session)
    {
        var connection = HubClient.Build(new Uri(gateway, "hubs/inbox"), o => o.Cookies = session.Cookies);
        var agent = new AgentConnection(connection);
        connection.On<InboxEvent>("ReceiveEvent", agent.Events.Add);
        connection.On<OrganisationEvent>("ReceiveOrganisationEvent", agent.OrganisationEvents.Add);
        connection.Closed += _ =>
        {
            agent._closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        return agent;
    }

    /// <summary>Calls a hub method (<c>setStatus</c>, <c>assign</c>, …) and returns its answer.</summary>
    public Task<T> InvokeAsync<T>(string method, params object?[] arguments) => _connection.InvokeCoreAsync<T>(method, arguments);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
