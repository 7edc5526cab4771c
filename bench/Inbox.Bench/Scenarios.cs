using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Inbox.Simulator.Platforms;
using Inbox.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inbox.Bench;

/// <summary>The phases after inbound throughput and latency: replies out, fan-out, memory.</summary>
internal static partial class Bench
{
    private const string ReplyMarker = "reply ";
    private const double KiB = 1024;

    /// <summary>
    /// Agents reply at a constant rate to the benchmark's WhatsApp conversations; each reply is timed from its intended
    /// send (the agent's click) to the moment the platform simulator received the platform API call.
    /// </summary>
    private static async Task<(Row Row, long NotArrived)> RepliesAsync(InboxSystem system, InboxApi agent, string channelId, double perSecond, TimeSpan duration)
    {
        var conversations = (await agent.ListConversationsAsync()).Where(c => c.ChannelId == channelId).Take(32).ToList();
        var sentAt = new ConcurrentDictionary<long, long>();
        var latency = Load.NewHistogram();
        void OnAccepted(ReceivedRequest request)
        {
            if (IdAfter(request.Body, ReplyMarker) is { } id && sentAt.TryRemove(id, out var intended))
            {
                latency.RecordValue(Load.MicrosecondsSince(intended));
            }
        }

        system.Simulator.State.Accepted += OnAccepted;
        try
        {
            await Load.OpenLoopAsync(perSecond, duration, async (i, intended) =>
            {
                sentAt[i] = intended;
                await agent.ReplyAsync(conversations[(int)(i % conversations.Count)].ConversationId, $"{ReplyMarker}{i}");
            });
            await WaitAsync(() => sentAt.IsEmpty, Drain);
        }
        finally
        {
            system.Simulator.State.Accepted -= OnAccepted;
        }

        var row = new Row(
            $"agent reply (REST) → WhatsApp API call received by the platform simulator, at {perSecond:0}/s",
            [new("p50", Load.Milliseconds(latency, 50), "ms"), new("p99", Load.Milliseconds(latency, 99), "ms")],
            [],
            "—",
            null);
        return (row, sentAt.Count);
    }

    /// <summary>
    /// The supervisor's session opens N connections to the inbox hub, and N clients connect to a bare SignalR hub in a
    /// process of its own; one customer message (through the webhook) and one bare broadcast of the same event are
    /// timed until the last client has them. At the largest N, idle, both processes' heaps give the memory per
    /// connection. The two audiences take turns, so this machine holds at most N connections (2N sockets) at a time.
    /// </summary>
    private static async Task<List<Row>> FanOutAsync(InboxSystem system, InboxApi agent, BenchOptions options, Func<long, Task<bool>> customerWrites)
    {
        var (bareProcess, bareUrl) = await BareHub.StartAsync();
        await using var bare = bareProcess;
        await using var broadcaster = new HubConnectionBuilder().WithUrl(bareUrl).Build();
        await broadcaster.StartAsync();

        var gatewayBefore = await Heap.AfterFullCollectionAsync(system.Gateway.ProcessId);
        var bareBefore = await Heap.AfterFullCollectionAsync(bare.ProcessId);
        var largest = options.FanOut.Max();
        HeapSize gatewayPerConnection = default, barePerConnection = default;
        var rows = new List<Row>();
        long id = 0;
        foreach (var clients in options.FanOut)
        {
            var inbox = Load.NewHistogram();
            var sent = new List<long>();
            string payload;
            await using (var audience = new Audience(new Uri(system.GatewayUrl, "hubs/inbox"), agent.Cookies))
            {
                await audience.GrowToAsync(clients);
                if (clients == largest)
                {
                    gatewayPerConnection = (await Heap.AfterFullCollectionAsync(system.Gateway.ProcessId) - gatewayBefore).PerItem(clients);
                }

                for (var i = 0; i < options.FanOutEvents; i++)
                {
                    var next = Interlocked.Increment(ref id);
                    sent.Add(next);
                    inbox.RecordValue(await audience.TimeAsync(next, async () =>
                    {
                        if (!await customerWrites(next))
                        {
                            throw new InvalidOperationException("The inbox refused a fan-out webhook.");
                        }
                    }));
                }

                payload = audience.FirstPayload!;
            }

            // The same events' bytes, as the inbox sent them, broadcast by the bare hub.
            var baseline = Load.NewHistogram();
            var template = $"{Audience.Marker}{IdAfter(payload, Audience.Marker)}";
            await using (var audience = new Audience(bareUrl, null))
            {
                await audience.GrowToAsync(clients);
                if (clients == largest)
                {
                    barePerConnection = (await Heap.AfterFullCollectionAsync(bare.ProcessId) - bareBefore).PerItem(clients);
                }

                foreach (var next in sent)
                {
                    using var document = JsonDocument.Parse(payload.Replace(template, $"{Audience.Marker}{next}", StringComparison.Ordinal));
                    baseline.RecordValue(await audience.TimeAsync(next, () => broadcaster.InvokeAsync("Broadcast", document.RootElement)));
                }
            }

            rows.Add(new Row(
                $"fan-out: one customer message → {clients:N0} agent clients, until the last has it (webhook sent → last client)",
                [new("p50", Load.Milliseconds(inbox, 50), "ms"), new("p99", Load.Milliseconds(inbox, 99), "ms")],
                [new("bare hub broadcast p50", Load.Milliseconds(baseline, 50), "ms"), new("bare hub broadcast p99", Load.Milliseconds(baseline, 99), "ms")],
                clients == 1_000 ? "p99 ≤ 2× the bare broadcast's" : "—",
                clients == 1_000 ? Load.Milliseconds(inbox, 99) <= 2 * Load.Milliseconds(baseline, 99) : null));
        }

        rows.Add(new Row(
            $"memory per idle SignalR connection, {largest:N0} agent connections to one gateway (managed heap after a full collection)",
            [new("gateway", gatewayPerConnection.Total / KiB, "KiB"), new("gateway's live objects", gatewayPerConnection.Live / KiB, "KiB")],
            [new("bare hub", barePerConnection.Total / KiB, "KiB"), new("bare hub's live objects", barePerConnection.Live / KiB, "KiB")],
            "live objects ≤ 1.25× the bare hub's",
            gatewayPerConnection.Live <= 1.25 * barePerConnection.Live));
        return rows;
    }

    /// <summary>
    /// The silo's managed heap (after a full collection) before and after new customers' first messages make real
    /// conversations (a conversation, a contact and a channel identity grain each, one message stored), and after
    /// that many conversation grains are activated by reading them (ids with nothing stored: the activation's own cost).
    /// </summary>
    private static async Task<List<Row>> ConversationMemoryAsync(InboxSystem system, InboxApi reader, BenchOptions options, Func<Task> newConversations)
    {
        var silo = system.Silo.ProcessId;
        var before = await Heap.AfterFullCollectionAsync(silo);
        await newConversations();
        var withConversations = await Heap.AfterFullCollectionAsync(silo);
        await Load.ForEachAsync(options.Workers, options.Activations, async i =>
        {
            using var response = await reader.Http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"api/v1/conversations/cv-bench-{i}"));
        });
        var withActivations = await Heap.AfterFullCollectionAsync(silo);

        // Judged on live objects (what the collection kept): repeatable run to run, where the heap's size also counts the
        // free space a collection that does not compact leaves behind (the connection row reads memory the same way).
        var perConversation = (withConversations.Live - before.Live) / (double)options.NewConversations;
        var perActivation = (withActivations.Live - withConversations.Live) / (double)options.Activations;
        return
        [
            new Row(
                $"memory per live conversation: {options.NewConversations:N0} new customers' conversations, then {options.Activations:N0} conversation grains activated (silo managed heap after a full collection)",
                [
                    new("per new customer conversation (conversation + contact + identity grains, 1 message), live objects", perConversation / KiB, "KiB"),
                    new("per activated conversation grain, live objects", perActivation / KiB, "KiB"),
                    new($"silo heap with {options.Activations:N0} activated", withActivations.Total / (KiB * KiB), "MiB"),
                ],
                [],
                "≤ 4 KB per idle activated conversation grain; ≤ 3 × 4 KB per new customer's three grains",
                perActivation <= 4_000 && perConversation <= 3 * 4_000),
        ];
    }

    /// <summary>The number right after <paramref name="marker"/> in <paramref name="text"/>, or null.</summary>
    internal static long? IdAfter(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var digits = text.AsSpan(at + marker.Length);
        var length = 0;
        while (length < digits.Length && char.IsAsciiDigit(digits[length]))
        {
            length++;
        }

        return long.TryParse(digits[..length], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
