using System.Globalization;
using Inbox.Bench;

// ./bench.sh [--seconds N] [--workers N] [--fan-out N,N,...] [--activations N] [--new-conversations N]
//            [--routing-agents N] [--routing-conversations N] [--latency-rate N] [--timeline FILE] [--no-docs]:
// every figure beside its limit, in one run on this machine.
if (args is [BareHub.Argument, var url])
{
    // The bare SignalR hub the benchmark measures beside the gateway, in a process of its own.
    await BareHub.RunAsync(url);
    return 0;
}

var seconds = 60.0;
// Enough senders to saturate the inbox: a closed loop of N senders can never pass N / (answer time), and a busy
// organisation's webhook is answered only once its audit entry and list row are in (up to 50 ms of gathering).
var workers = 128;
var writeDocs = true;
var scale = new BenchOptions(TimeSpan.Zero, 0, "", null, "");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds" when i + 1 < args.Length:
            seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--workers" when i + 1 < args.Length:
            workers = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--fan-out" when i + 1 < args.Length:
            scale = scale with { FanOut = [.. args[++i].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))] };
            break;
        case "--activations" when i + 1 < args.Length:
            scale = scale with { Activations = int.Parse(args[++i], CultureInfo.InvariantCulture) };
            break;
        case "--new-conversations" when i + 1 < args.Length:
            scale = scale with { NewConversations = int.Parse(args[++i], CultureInfo.InvariantCulture) };
            break;
        case "--routing-agents" when i + 1 < args.Length:
            scale = scale with { RoutingAgents = int.Parse(args[++i], CultureInfo.InvariantCulture) };
            break;
        case "--routing-conversations" when i + 1 < args.Length:
            scale = scale with { RoutingConversations = int.Parse(args[++i], CultureInfo.InvariantCulture) };
            break;
        case "--latency-rate" when i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var perSecond) && perSecond > 0:
            scale = scale with { LatencyRate = perSecond };
            i++;
            break;
        case "--latency-rate":
            Console.Error.WriteLine($"--latency-rate takes the latency phase's rate in messages/s, a number above 0; '{(i + 1 < args.Length ? args[i + 1] : "")}' is not one.");
            return 2;
        case "--timeline" when i + 1 < args.Length:
            scale = scale with { Timeline = Path.GetFullPath(args[++i]) };
            break;
        case "--no-docs":
            writeDocs = false;
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Use --seconds N, --workers N, --fan-out N,N,..., --activations N, --new-conversations N, --routing-agents N, --routing-conversations N, --latency-rate N (messages/s, above 0), --timeline FILE, --no-docs.");
            return 2;
    }
}

var root = Inbox.Testing.RepoPaths.Root;
var report = await Bench.RunAsync(
    scale with
    {
        Phase = TimeSpan.FromSeconds(seconds),
        Workers = workers,
        ResultsDirectory = Path.Combine(root, "bench", "results"),
        Document = writeDocs ? Path.Combine(root, "docs", "benchmarks.md") : null,
        Command = "./bench.sh " + string.Join(' ', args),
    },
    Console.Out);
return report.MessagesLost == 0 ? 0 : 1;
