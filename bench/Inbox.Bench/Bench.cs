using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Azure.Data.Tables;
using Inbox.Contracts.Events;
using Inbox.Simulator.Webhooks;
using Inbox.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inbox.Bench;

/// <summary>How long and how hard to measure, and where to write the results.</summary>
/// <param name="Phase">How long each measured phase runs (the whole run takes about 5 phases plus start-up).</param>
/// <param name="Workers">Concurrent requests in closed-loop phases.</param>
/// <param name="ResultsDirectory">Where the JSON result goes.</param>
/// <param name="Document">The Markdown document whose bench section is rewritten, or null to leave documents alone.</param>
/// <param name="Command">The command line that ran the benchmark, as the report shows it.</param>
internal sealed record BenchOptions(TimeSpan Phase, int Workers, string ResultsDirectory, string? Document, string Command)
{
    /// <summary>
    /// The latency phase's rate in messages/s; null: half the maximum measured in the same run (what the target is for).
    /// A fixed rate compares builds at the same load.
    /// </summary>
    public double? LatencyRate { get; init; }

    /// <summary>How many agent clients the fan-out is measured to, in growing order.</summary>
    public IReadOnlyList<int> FanOut { get; init; } = [100, 1_000, 5_000];

    /// <summary>
    /// Events timed per fan-out size, one after another: enough that p99 is a percentile (the 198th of 200) and not the
    /// slowest event of a few dozen, which one slow moment of the machine sets.
    /// </summary>
    public int FanOutEvents { get; init; } = 200;

    /// <summary>Conversation grains activated for the memory figure.</summary>
    public int Activations { get; init; } = 100_000;

    /// <summary>New customers whose first message makes a real conversation for the memory figure.</summary>
    public int NewConversations { get; init; } = 5_000;

    /// <summary>Agent replies per second in the reply phase.</summary>
    public double RepliesPerSecond { get; init; } = 20;

    /// <summary>Agents online in the routing phase.</summary>
    public int RoutingAgents { get; init; } = 1_000;

    /// <summary>Waiting customers the router assigns in the routing phase.</summary>
    public int RoutingConversations { get; init; } = 2_000;

    /// <summary>
    /// A CSV file to write the latency phase's timeline into (every message's intended send, webhook answer and delivery
    /// to the agent), for finding what a slow moment was; null: none.
    /// </summary>
    public string? Timeline { get; init; }
}

/// <summary>
/// The benchmark suite: each figure of the inbox measured beside its limit on the same machine in the same run:
/// inbound webhook throughput and webhook → agent latency (against a bare Kestrel endpoint verifying the same signature,
/// Azurite's raw insert rates, bare HTTP and SignalR round trips), agent reply → platform, fan-out to many agent
/// clients and memory per connection (against a bare SignalR hub in its own process), memory per conversation, and
/// routing's assignment rate with many agents online.
/// </summary>
internal static partial class Bench
{
    // As many customers as a busy inbox has conversations going at once: ~1,000 messages/s come from many conversations,
    // each a few messages a minute, not from a few hundred customers writing several times a second for minutes (which
    // grew each conversation's log to ~500 rows within a run; docs/benchmarks.md).
    private const int Customers = 1_024;
    private const string MessageTable = "InboxMessages";
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(5);

    // How long the latency phase waits for its last deliveries before it counts the rest as not delivered.
    private static readonly TimeSpan LateDeliveries = TimeSpan.FromSeconds(60);

    public static async Task<BenchReport> RunAsync(BenchOptions options, TextWriter log)
    {
        var phase = options.Phase;
        log.WriteLine($"Limits: bare Kestrel + HMAC, echo round trips ({phase.TotalSeconds:0} s phases)");
        await using var baseline = await Baseline.StartAsync();
        using var baseHttp = Client(options.Workers);
        var whatsapp = PlatformWebhooks.For("whatsapp", new Dictionary<string, string> { ["appSecret"] = Baseline.Secret, ["phoneNumberId"] = "106540352242922", ["verifyToken"] = "x" });
        var sample = whatsapp.Text(new SimulatedCustomer("15550000000", "Bench"), "bench baseline", DateTimeOffset.UtcNow).Webhook;
        var hookUrl = new Uri(baseline.Url, "hook");
        // The limits are short closed loops (a quarter phase each): they settle within seconds, and the time goes to the
        // fan-out's samples instead (the whole run stays under 10 minutes).
        var kestrelRate = await Load.ClosedLoopAsync(options.Workers, phase / 4, async () =>
        {
            using var response = await baseHttp.SendAsync(sample.ToRequest(hookUrl));
            response.EnsureSuccessStatusCode();
        });
        var httpEcho = await RoundTripsAsync(phase / 8, async () => (await baseHttp.GetAsync(new Uri(baseline.Url, "echo"))).Dispose());
        await using var echoHub = new HubConnectionBuilder().WithUrl(new Uri(baseline.Url, "hubs/echo")).Build();
        await echoHub.StartAsync();
        var hubEcho = await RoundTripsAsync(phase / 8, () => echoHub.InvokeAsync<string>("Echo", "ping"));

        log.WriteLine("Limits: Azurite single-entity inserts, sequential and concurrent");
        double sequentialInserts, concurrentInserts;
        await using (var fresh = await Azurite.StartAsync(inMemory: true))
        {
            sequentialInserts = await AzuriteInsertsAsync(fresh.ConnectionString, phase / 4, 1);
            concurrentInserts = await AzuriteInsertsAsync(fresh.ConnectionString, phase / 4, options.Workers);
        }

        log.WriteLine("The inbox: Azurite + silo + gateway + simulator");
        using var storage = new StorageMonitor();
        await using var system = await InboxSystem.StartAsync(inMemoryStorage: true, storageEnvironment: storage.ProcessEnvironment);
        using var admin = await system.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        using var supervisor = await system.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        var channel = await SimulatedChannel.ConnectAsync(admin, system.GatewayUrl, "whatsapp");
        var customers = Enumerable.Range(0, Customers).Select(i => channel.NewCustomer($"Bench customer {i}")).ToArray();

        var sentAt = new ConcurrentDictionary<long, long>();
        var latency = Load.NewHistogram();
        long received = 0;
        var measuring = false;
        var timeline = options.Timeline is { } timelinePath ? new Timeline(timelinePath) : null;
        await using var agent = HubClient.Build(new Uri(system.GatewayUrl, "hubs/inbox"), o => o.Cookies = supervisor.Cookies);
        agent.On<InboxEvent>("ReceiveEvent", e =>
        {
            if (e.Type != EventNames.MessageCreated || e.Message?.Text is not { } text || !text.StartsWith("bench ", StringComparison.Ordinal))
            {
                return;
            }

            Interlocked.Increment(ref received);
            if (measuring && long.TryParse(text.AsSpan(6), CultureInfo.InvariantCulture, out var id) && sentAt.TryGetValue(id, out var intended))
            {
                latency.RecordValue(Load.MicrosecondsSince(intended));
                timeline?.Delivered(id);

                // Last: the phase ends when every sent message is out of sentAt, so one taken out must already be
                // recorded (taken out first, the last straggler's delivery could miss the timeline written meanwhile).
                sentAt.TryRemove(id, out _);
            }
        });
        await agent.StartAsync();

        // Not capped at the closed loop's workers: in the open-loop phase a platform's webhooks arrive on schedule however
        // long earlier answers take (Meta sends from many machines at once), so waiting for a free connection in this
        // client would hold back arrivals the inbox never saw. The closed loop keeps its workers' concurrency either way.
        using var inboxHttp = Client(OpenLoopConnections);
        long nextId = 0;
        long accepted = 0;
        async Task<bool> PostAsync(SimulatedCustomer customer, string text)
        {
            var webhook = channel.Webhooks.Text(customer, text, DateTimeOffset.UtcNow).Webhook;
            using var response = await inboxHttp.SendAsync(webhook.ToRequest(channel.WebhookUrl));
            return response.IsSuccessStatusCode;
        }

        async Task SendAsync(long intended, SimulatedCustomer? customer = null)
        {
            var id = Interlocked.Increment(ref nextId);
            sentAt[id] = intended;
            var ok = await PostAsync(customer ?? customers[id % Customers], $"bench {id}");
            if (ok)
            {
                Interlocked.Increment(ref accepted);
            }
            else
            {
                sentAt.TryRemove(id, out _);
            }

            if (measuring)
            {
                timeline?.Answered(id, intended, ok);
            }
        }

        log.WriteLine("Warm-up, then inbound throughput (closed loop)");
        // Long enough for the processes' tiered JIT to settle: the figure is the sustained rate, not the first minute's.
        await Load.ClosedLoopAsync(options.Workers, TimeSpan.FromSeconds(Math.Min(20, phase.TotalSeconds)), () => SendAsync(Stopwatch.GetTimestamp()));
        await Task.Delay(Drain);
        var before = Interlocked.Read(ref received);
        var clock = Stopwatch.StartNew();
        await Load.ClosedLoopAsync(options.Workers, phase, () => SendAsync(Stopwatch.GetTimestamp()));
        var inboundRate = (Interlocked.Read(ref received) - before) / clock.Elapsed.TotalSeconds;

        var rate = options.LatencyRate ?? Math.Max(1, inboundRate / 2);
        var rateIs = options.LatencyRate is null ? "half the maximum" : "fixed by --latency-rate";
        log.WriteLine($"Latency at {rate:0} messages/s ({rateIs}, open loop)");
        await Task.Delay(Drain);
        sentAt.Clear();
        measuring = true;
        var latencyFrom = Stopwatch.GetTimestamp();
        await Load.OpenLoopAsync(rate, phase, (_, intended) => SendAsync(intended));
        var storageSeconds = storage.Between(latencyFrom, Stopwatch.GetTimestamp());

        // Still measuring until every accepted message has reached the agent: one that comes late is counted at its
        // true latency, not left out of the percentiles (a message that never comes is counted as lost).
        await Task.WhenAll(Task.Delay(Drain), WaitAsync(() => sentAt.IsEmpty, LateDeliveries));
        measuring = false;
        var undelivered = sentAt.Count;
        if (undelivered > 0)
        {
            log.WriteLine($"{undelivered} accepted messages had not reached the agent {LateDeliveries.TotalSeconds:0} s after the phase: left out of the percentiles, and the target counts as not met");
        }

        if (timeline is not null)
        {
            timeline.WriteCsv(latencyFrom);
            log.WriteLine($"Timeline: {timeline.Path}");
        }

        // Azurite keeps each table in one Node process's memory and its inserts slow as the table grows (about a third
        // slower at 150,000 rows than at 20,000): measured again into the inbox's own message table, after the inbox
        // phases, the limit is the one the inbox ran against by the end.
        var messageRows = Interlocked.Read(ref accepted);
        log.WriteLine($"Limits again: Azurite inserts into the inbox's message table (~{messageRows:N0} rows), after the inbox phases");
        var concurrentAfter = await AzuriteInsertsAsync(system.Azurite.ConnectionString, phase / 4, options.Workers, into: MessageTable);

        log.WriteLine($"Agent replies → platform simulator ({options.RepliesPerSecond:0}/s, open loop)");
        var replies = await RepliesAsync(system, supervisor, channel.ChannelId, options.RepliesPerSecond, phase / 2);

        log.WriteLine($"Fan-out to {string.Join(", ", options.FanOut)} agent clients, beside a bare SignalR hub");
        var fanOut = await FanOutAsync(system, supervisor, options, id => PostAsync(customers[0], $"{Audience.Marker}{id}"));

        log.WriteLine($"Memory: {options.NewConversations} new conversations, then {options.Activations} conversation grains activated");
        var memory = await ConversationMemoryAsync(system, admin, options, async () =>
        {
            await Load.ForEachAsync(options.Workers, options.NewConversations, i => SendAsync(Stopwatch.GetTimestamp(), channel.NewCustomer($"New customer {i}")));
            await WaitAsync(() => Interlocked.Read(ref received) >= Interlocked.Read(ref accepted), Drain);
        });
        log.WriteLine($"Routing: {options.RoutingAgents} agents, {options.RoutingConversations} waiting customers (in-process silo, own Azurite)");
        var routing = await RoutingAsync(options, log);
        var sent = Interlocked.Read(ref nextId);
        var lost = Interlocked.Read(ref accepted) - Interlocked.Read(ref received) + replies.NotArrived;

        var rows = new List<Row>
        {
            new(
                "inbound: signed WhatsApp webhooks → stored → event on an agent's SignalR client",
                [new("throughput", inboundRate, "messages/s")],
                [
                    new("bare Kestrel + HMAC", kestrelRate, "requests/s"),
                    new("Azurite inserts, sequential", sequentialInserts, "/s"),
                    new("Azurite inserts, concurrent", concurrentInserts, "/s"),
                    new($"the same into the inbox's message table afterwards (~{messageRows:N0} rows)", concurrentAfter, "/s"),
                ],
                "≥ 50% of Azurite's concurrent insert rate",
                inboundRate >= Math.Min(concurrentInserts, concurrentAfter) / 2),
            new(
                $"latency webhook → agent at {rate:0}/s ({rateIs})",
                [new("p50", Load.Milliseconds(latency, 50), "ms"), new("p99", Load.Milliseconds(latency, 99), "ms"), new("p99.9", Load.Milliseconds(latency, 99.9), "ms")],
                [
                    new("HTTP echo p50", Load.Milliseconds(httpEcho, 50), "ms"), new("HTTP echo p99", Load.Milliseconds(httpEcho, 99), "ms"),
                    new("SignalR echo p50", Load.Milliseconds(hubEcho, 50), "ms"), new("SignalR echo p99", Load.Milliseconds(hubEcho, 99), "ms"),
                    new("Azurite's event loop held at most", storageSeconds.LongestDelay, "ms"),
                    new("Azurite's event loop busy", storageSeconds.Busy, "%"),
                    new("Azurite's longest garbage-collection pause", storageSeconds.LongestCollection, "ms"),
                    new("Azurite in garbage-collection pauses", storageSeconds.InCollection, "%"),
                ],
                "p99 ≤ 50 ms, p99.9 ≤ 200 ms at half the maximum",
                options.LatencyRate is not null ? null : latency.TotalCount > 0 && undelivered == 0 && Load.Milliseconds(latency, 99) <= 50 && Load.Milliseconds(latency, 99.9) <= 200),
            replies.Row,
        };
        rows.AddRange(fanOut);
        rows.AddRange(memory);
        rows.Add(routing);

        var report = new BenchReport(DateTimeOffset.UtcNow, Machine(), options.Command, phase.TotalSeconds, sent, lost, rows);
        var path = report.WriteJson(options.ResultsDirectory);
        log.WriteLine($"Results: {path}");
        if (options.Document is { } document)
        {
            report.WriteInto(document);
            log.WriteLine($"Table written into {document}");
        }

        log.WriteLine(report.Markdown());
        return report;
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < timeout)
        {
            await Task.Delay(50);
        }
    }

    private const int OpenLoopConnections = 4_096;

    private static HttpClient Client(int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<HdrHistogram.LongConcurrentHistogram> RoundTripsAsync(TimeSpan duration, Func<Task> roundTrip)
    {
        var histogram = Load.NewHistogram();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var start = Stopwatch.GetTimestamp();
            await roundTrip();
            histogram.RecordValue(Load.MicrosecondsSince(start));
        }

        return histogram;
    }

    // Single-entity inserts by that many senders in a closed loop, into a new table or into an existing one (Azurite's
    // insert cost grows with the table's size): one sender gives the sequential rate, the workers the concurrent one.
    private static async Task<double> AzuriteInsertsAsync(string connectionString, TimeSpan duration, int senders, string? into = null)
    {
        var table = new TableServiceClient(connectionString).GetTableClient(into ?? "BenchInserts" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        long row = 0;
        return await Load.ClosedLoopAsync(senders, duration, () =>
            table.AddEntityAsync(new TableEntity("bench-limit-" + (Interlocked.Increment(ref row) % 64), Guid.NewGuid().ToString("N")) { ["Text"] = "bench insert" }));
    }

    private static string Machine() => string.Create(CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0} GiB, {RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}");
}
