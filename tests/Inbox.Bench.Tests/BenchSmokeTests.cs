namespace Inbox.Bench.Tests;

/// <summary>The benchmark harness runs end to end in a few seconds a phase: every figure is produced and nothing is lost.</summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task A_short_run_produces_every_figure_and_loses_no_message()
    {
        var results = Directory.CreateTempSubdirectory("inbox-bench-");
        try
        {
            var options = new BenchOptions(TimeSpan.FromSeconds(5), 16, results.FullName, null, "smoke test")
            {
                FanOut = [10, 50],
                FanOutEvents = 3,
                Activations = 2_000,
                NewConversations = 200,
                RepliesPerSecond = 10,
                RoutingAgents = 20,
                RoutingConversations = 100,
                Timeline = Path.Combine(results.FullName, "timeline.csv"),
            };
            var report = await Bench.RunAsync(options, TextWriter.Null);

            Assert.True(report.MessagesSent > 0);
            Assert.Equal(0, report.MessagesLost);
            string[] rows = ["inbound:", "latency", "agent reply", "fan-out: one customer message → 10 ", "fan-out: one customer message → 50 ", "memory per idle SignalR connection", "memory per live conversation", "routing:"];
            Assert.Equal(rows.Length, report.Rows.Count);
            Assert.All(rows.Zip(report.Rows), row => Assert.StartsWith(row.First, row.Second.What, StringComparison.Ordinal));
            Assert.All(report.Rows, row =>
            {
                Assert.NotEmpty(row.Ours);

                // Memory at smoke-test scale is a few hundred KiB against a heap's noise: produced, not necessarily positive.
                var memory = row.What.StartsWith("memory", StringComparison.Ordinal);
                Assert.All(row.Ours.Concat(row.Limits), figure => Assert.True(double.IsFinite(figure.Value) && (memory || figure.Value > 0), $"{row.What}: {figure} is not a measurement."));
            });
            Assert.Single(results.GetFiles("*.json"));
            Assert.Contains("| inbound:", report.Markdown(), StringComparison.Ordinal);

            // The latency phase's timeline: every message answered and delivered, each after it was meant to be sent.
            var timeline = File.ReadAllLines(options.Timeline).Skip(2).Select(line => line.Split(',')).ToList();
            Assert.NotEmpty(timeline);
            Assert.All(timeline, columns =>
            {
                Assert.True(columns[4] == "1", $"Message {columns[0]}'s webhook was refused.");
                Assert.True(columns[3].Length > 0, $"Message {columns[0]} was accepted but had not reached the agent a minute after the phase.");
                var (intended, answered, delivered) = (Ms(columns[1]), Ms(columns[2]), Ms(columns[3]));
                Assert.True(answered >= intended && delivered >= intended, string.Join(',', columns));
            });
        }
        finally
        {
            results.Delete(recursive: true);
        }
    }

    private static double Ms(string column) => double.Parse(column, System.Globalization.CultureInfo.InvariantCulture);
}
