using Inbox.Contracts.Serialization;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Testing;

/// <summary>Builds SignalR client connections that speak the API's JSON shape, as the front end does.</summary>
public static class HubClient
{
    public static HubConnection Build(Uri url, Action<HttpConnectionOptions>? configure = null) =>
        new HubConnectionBuilder()
            .WithUrl(url, o => configure?.Invoke(o))
            .AddJsonProtocol(o => InboxJson.Apply(o.PayloadSerializerOptions))
            .Build();
}
