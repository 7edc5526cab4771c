using System.Diagnostics;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Tests.Storage;

public sealed class WritePaceTests
{
    [Fact]
    public async Task A_quiet_writer_writes_at_once_and_a_busy_one_waits_out_the_interval()
    {
        var pace = new WritePace(TimeSpan.FromMilliseconds(300));

        // Nothing written yet: the first write starts at once, without even yielding.
        Assert.Equal(TimeSpan.Zero, pace.Remaining);
        Assert.True(pace.NextAsync().IsCompleted);
        Assert.True(pace.Remaining > TimeSpan.FromMilliseconds(200));

        // The next one, straight after, waits for the rest of the interval: changes arriving meanwhile share its request.
        var clock = Stopwatch.StartNew();
        await pace.NextAsync();
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(280), $"waited only {clock.Elapsed.TotalMilliseconds} ms");

        // After a quiet interval it writes at once again.
        await Task.Delay(TimeSpan.FromMilliseconds(350), TestContext.Current.CancellationToken);
        Assert.True(pace.NextAsync().IsCompleted);
    }
}
