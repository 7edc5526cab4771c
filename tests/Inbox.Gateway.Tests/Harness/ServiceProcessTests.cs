using Inbox.Testing;

namespace Inbox.Gateway.Tests.Harness;

/// <summary>The harness starts processes again on other ports when one it picked was taken first, and only then.</summary>
public sealed class ServiceProcessTests
{
    [Theory]
    [InlineData("silo exited with code 134 before it was ready:\nSystem.IO.IOException: Failed to bind to address http://127.0.0.1:24117: address already in use.")]
    [InlineData("azurite exited with code 1 before it was ready:\nExit due to unhandled error: listen EADDRINUSE: address already in use 127.0.0.1:23001")]
    public async Task A_start_whose_port_was_taken_runs_again(string exit)
    {
        var calls = 0;

        var started = await ServiceProcess.StartOnFreePortsAsync(() => ++calls == 1 ? throw new InvalidOperationException(exit) : Task.FromResult(calls));

        Assert.Equal(2, started);
    }

    [Fact]
    public async Task Any_other_failure_is_not_retried()
    {
        var calls = 0;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartOnFreePortsAsync<int>(() =>
        {
            calls++;
            throw new InvalidOperationException("silo exited with code 1 before it was ready:\nThe storage connection string is missing.");
        }));

        Assert.Contains("connection string", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_port_taken_three_times_in_a_row_is_reported()
    {
        var calls = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartOnFreePortsAsync<int>(() =>
        {
            calls++;
            throw new InvalidOperationException("gateway exited with code 134 before it was ready: address already in use.");
        }));

        Assert.Equal(3, calls);
    }
}
