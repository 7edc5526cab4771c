using Inbox.Contracts.Messages;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inbox.Testing;

/// <summary>A web-chat visitor's real SignalR connection to <c>/hubs/widget</c>, as the widget makes it.</summary>
public sealed class WidgetConnection : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private WidgetConnection(HubConnection connection) => _connection = connection;

    /// <summary>Messages the hub pushed to this visitor.</summary>
    public LiveFeed<VisitorMessage> Messages { get; } = new();

    public static async Task<WidgetConnection> ConnectAsync(Uri gateway, string websiteToken, string visitorToken)
    {
        var url = new Uri(gateway, $"hubs/widget?websiteToken={Uri.EscapeDataString(websiteToken)}&visitorToken={Uri.EscapeDataString(visitorToken)}");
        var connection = HubClient.Build(url);
        var widget = new WidgetConnection(connection);
        connection.On<VisitorMessage>("ReceiveMessage", widget.Messages.Add);
        await connection.StartAsync();
        return widget;
    }

    public Task<VisitorMessage> SendAsync(string text, string clientMessageId) =>
        _connection.InvokeAsync<VisitorMessage>("send", text, clientMessageId);

    public Task<VisitorHistory> HistoryAsync(long? before = null, int limit = 50) =>
        _connection.InvokeAsync<VisitorHistory>("history", before, limit);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}

/// <summary>A message as the widget receives it.</summary>
public sealed record VisitorMessage(string MessageId, long Sequence, MessageKind Kind, string Text, string AuthorName, DateTimeOffset CreatedAt);

/// <summary>A page of the visitor's history.</summary>
public sealed record VisitorHistory(IReadOnlyList<VisitorMessage> Items, bool HasMore);
