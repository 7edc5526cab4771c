using System.Text.Json;
using Inbox.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Bench;

/// <summary>
/// A bare SignalR hub in a process of its own, as the gateway is: the limit for fan-out (it broadcasts what it is given
/// to every other connection) and for memory per connection (nothing but SignalR's own state per connection).
/// The benchmark starts it with <c>--bare-hub URL</c> and measures it beside the gateway.
/// </summary>
internal static class BareHub
{
    public const string Argument = "--bare-hub";
    public const string Path = "/hubs/bare";

    /// <summary>Runs the hub at <paramref name="url"/> until the process is stopped.</summary>
    public static async Task RunAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        app.MapHub<BroadcastHub>(Path);
        await app.RunAsync();
    }

    /// <summary>Starts the hub in a child process on a free port.</summary>
    public static async Task<(ServiceProcess Process, Uri Url)> StartAsync()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var process = ServiceProcess.Start(
            "bare-hub", "dotnet", [typeof(BareHub).Assembly.Location, Argument, url.ToString().TrimEnd('/')], AppContext.BaseDirectory, new Dictionary<string, string>());
        await process.WaitForHttpAsync(new Uri(url, "health"), TimeSpan.FromSeconds(30));
        return (process, new Uri(url, Path.TrimStart('/')));
    }

    /// <summary>Sends every payload it is given to all other connections, as the gateway relays an event to agents.</summary>
    internal sealed class BroadcastHub : Hub
    {
        public Task Broadcast(JsonElement payload) => Clients.Others.SendAsync("ReceiveEvent", payload);
    }
}
