using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inbox.Bench;

/// <summary>
/// Many SignalR clients listening on one hub, as a floor of agents watching the inbox: measures how long until the last
/// of them has an event. An event is recognised by a message text <c>fanout {id}</c> anywhere in it, the same for the
/// gateway's events and the bare hub's copies of them.
/// </summary>
internal sealed class Audience(Uri hub, CookieContainer? cookies) : IAsyncDisposable
{
    public const string Marker = "fanout ";
    private const int ConnectingAtOnce = 64;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly List<HubConnection> _connections = [];
    private readonly ConcurrentDictionary<long, Arrival> _waiting = new();

    /// <summary>The first event received, as JSON: the payload the bare hub broadcasts, so both carry the same bytes.</summary>
    public string? FirstPayload { get; private set; }

    /// <summary>Connects clients until there are <paramref name="count"/>.</summary>
    public async Task GrowToAsync(int count)
    {
        using var gate = new SemaphoreSlim(ConnectingAtOnce);
        var added = await Task.WhenAll(Enumerable.Range(0, Math.Max(0, count - _connections.Count)).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var connection = new HubConnectionBuilder().WithUrl(hub, o => o.Cookies = cookies ?? new CookieContainer()).Build();
                connection.On<JsonElement>("ReceiveEvent", OnEvent);
                await connection.StartAsync();
                return connection;
            }
            finally
            {
                gate.Release();
            }
        }));
        _connections.AddRange(added);
    }

    /// <summary>Runs <paramref name="send"/> and returns the microseconds until every client had event <paramref name="id"/>.</summary>
    public async Task<long> TimeAsync(long id, Func<Task> send)
    {
        var arrival = new Arrival(_connections.Count);
        _waiting[id] = arrival;
        try
        {
            var start = Stopwatch.GetTimestamp();
            await send();
            var last = await arrival.Done.Task.WaitAsync(Patience);
            return (long)Stopwatch.GetElapsedTime(start, last).TotalMicroseconds;
        }
        finally
        {
            _waiting.TryRemove(id, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var gate = new SemaphoreSlim(ConnectingAtOnce);
        await Task.WhenAll(_connections.Select(async c =>
        {
            await gate.WaitAsync();
            try
            {
                await c.DisposeAsync();
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private void OnEvent(JsonElement payload)
    {
        var json = payload.GetRawText();
        if (Bench.IdAfter(json, Marker) is not { } id)
        {
            return;
        }

        FirstPayload ??= json;
        if (_waiting.TryGetValue(id, out var arrival) && Interlocked.Decrement(ref arrival.Remaining) == 0)
        {
            arrival.Done.TrySetResult(Stopwatch.GetTimestamp());
        }
    }

    private sealed class Arrival(int clients)
    {
        public int Remaining = clients;

        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
