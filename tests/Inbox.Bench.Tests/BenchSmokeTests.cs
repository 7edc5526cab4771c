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
            var report = await Bench.RunAsync(new BenchOptions(TimeSpan.FromSeconds(5), 16, results.FullName, null, "smoke test"), TextWriter.Null);

            Assert.True(report.MessagesSent > 0);
            Assert.Equal(0, report.MessagesLost);
            Assert.Equal(2, report.Rows.Count);
            Assert.All(report.Rows, row =>
            {
                Assert.NotEmpty(row.Ours);
                Assert.NotEmpty(row.Limits);
                Assert.All(row.Ours.Concat(row.Limits), figure => Assert.True(double.IsFinite(figure.Value) && figure.Value > 0, $"{row.What}: {figure} is not a measurement."));
            });
            Assert.Single(results.GetFiles("*.json"));
            Assert.Contains("| inbound:", report.Markdown(), StringComparison.Ordinal);
        }
        finally
        {
            results.Delete(recursive: true);
        }
    }
}
