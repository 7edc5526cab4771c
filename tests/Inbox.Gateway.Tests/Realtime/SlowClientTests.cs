using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Inbox.Contracts.Events;
using Inbox.Testing;

namespace Inbox.Gateway.Tests.Realtime;

/// <summary>
/// A live connection whose reader has stopped (a phone that lost its signal, a laptop gone to sleep: its TCP window is
/// full and nothing is acknowledged) beside a healthy one, both of one supervisor, while customers keep writing.
/// </summary>
public sealed class SlowClientTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    // Enough ~4 KB events to fill the stalled connection's buffers (a 4 KB socket window, the kernel's send buffer and
    // SignalR's 64 KB pipe) many times over, so sends to it are held back for most of the burst.
    private const int Messages = 400;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private InboxSystem System => fixture.System;

    [Fact]
    public async Task A_client_that_stops_reading_holds_up_no_one_else_and_has_every_event_in_order_when_it_reads_again()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        using var supervisor = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, "whatsapp");
        await using var healthy = await AgentConnection.ConnectAsync(System.GatewayUrl, supervisor);
        using var stalled = await StalledConnection.ConnectAsync(System.GatewayUrl, supervisor.Cookies, cancellation);

        var marker = Guid.NewGuid().ToString("N");
        var padding = new string('.', 15_000);
        var texts = Enumerable.Range(0, Messages).Select(i => $"{marker} {i} {padding}").ToArray();
        var customers = Enumerable.Range(0, 16).Select(i => channel.NewCustomer($"Customer {i}")).ToArray();
        using var http = new HttpClient();
        await Parallel.ForEachAsync(Enumerable.Range(0, Messages), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellation }, async (i, token) =>
        {
            var (webhook, _) = channel.Webhooks.Text(customers[i % customers.Length], texts[i], DateTimeOffset.UtcNow);
            using var response = await http.SendAsync(webhook.ToRequest(channel.WebhookUrl), token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });

        // The healthy client has the whole burst while the stalled one has read nothing since its handshake.
        foreach (var text in texts)
        {
            await healthy.Events.WaitForAsync(e => e.Type == EventNames.MessageCreated && e.Message?.Text == text, Timeout);
        }

        var healthyOrder = healthy.Events.Seen.Where(e => e.Type == EventNames.MessageCreated && e.Message?.Text?.StartsWith(marker, StringComparison.Ordinal) == true)
            .Select(e => e.Message!.MessageId).ToList();

        // Reading again, the stalled client was never cut off: every event is there, in the order the healthy one got them.
        var stalledOrder = await stalled.ReadMessagesCreatedAsync(marker, Messages, Timeout);
        Assert.Equal(healthyOrder, stalledOrder);
    }

    /// <summary>
    /// A SignalR JSON-protocol WebSocket connection to the inbox hub that completes the handshake and then reads nothing
    /// until asked, over a socket with a 4 KB receive buffer.
    /// </summary>
    private sealed class StalledConnection : IDisposable
    {
        private const byte RecordSeparator = 0x1e;
        private readonly ClientWebSocket _socket;
        private readonly HttpMessageInvoker _invoker;
        private readonly List<byte> _pending = [];

        private StalledConnection(ClientWebSocket socket, HttpMessageInvoker invoker) => (_socket, _invoker) = (socket, invoker);

        public static async Task<StalledConnection> ConnectAsync(Uri gateway, CookieContainer cookies, CancellationToken cancellation)
        {
            var handler = new SocketsHttpHandler
            {
                CookieContainer = cookies,
                ConnectCallback = async (context, token) =>
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            var invoker = new HttpMessageInvoker(handler);
            var socket = new ClientWebSocket();
            var url = new UriBuilder(new Uri(gateway, "hubs/inbox")) { Scheme = "ws" }.Uri;
            await socket.ConnectAsync(url, invoker, cancellation);
            var connection = new StalledConnection(socket, invoker);
            await socket.SendAsync("{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray(), WebSocketMessageType.Text, true, cancellation);
            var handshake = await connection.NextRecordAsync(cancellation);
            Assert.Equal("{}", handshake);
            return connection;
        }

        /// <summary>Reads until <paramref name="count"/> <c>message.created</c> events whose text starts with the marker have come; their message ids in order.</summary>
        public async Task<List<string>> ReadMessagesCreatedAsync(string marker, int count, TimeSpan timeout)
        {
            using var deadline = new CancellationTokenSource(timeout);
            var ids = new List<string>();
            while (ids.Count < count)
            {
                using var record = JsonDocument.Parse(await NextRecordAsync(deadline.Token));
                var root = record.RootElement;
                if (root.GetProperty("type").GetInt32() == 1 && root.GetProperty("target").GetString() == "ReceiveEvent"
                    && root.GetProperty("arguments")[0] is var inboxEvent
                    && inboxEvent.GetProperty("type").GetString() == EventNames.MessageCreated
                    && inboxEvent.GetProperty("message") is var message
                    && message.GetProperty("text").GetString()?.StartsWith(marker, StringComparison.Ordinal) == true)
                {
                    ids.Add(message.GetProperty("messageId").GetString()!);
                }
            }

            return ids;
        }

        private async Task<string> NextRecordAsync(CancellationToken cancellation)
        {
            var buffer = new byte[16 * 1024];
            while (true)
            {
                var end = _pending.IndexOf(RecordSeparator);
                if (end >= 0)
                {
                    var record = Encoding.UTF8.GetString([.. _pending.GetRange(0, end)]);
                    _pending.RemoveRange(0, end + 1);
                    return record;
                }

                var received = await _socket.ReceiveAsync(buffer, cancellation);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException($"The server closed the connection ({_socket.CloseStatus} {_socket.CloseStatusDescription}).");
                }

                _pending.AddRange(buffer.AsSpan(0, received.Count));
            }
        }

        public void Dispose()
        {
            _socket.Dispose();
            _invoker.Dispose();
        }
    }
}
