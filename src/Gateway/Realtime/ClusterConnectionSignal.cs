namespace Inbox.Gateway.Realtime;

/// <summary>
/// Raised when the set of silos this gateway talks to changes. A silo that restarted (or died) took the event feeds
/// it hosted with it, and their new activations know no subscribers, so the relay renews at once instead of waiting
/// for its next round. A class of its own because Orleans resolves it while the client is still being built.
/// </summary>
public sealed class ClusterConnectionSignal : IClusterConnectionStatusObserver, IDisposable
{
    private readonly SemaphoreSlim _changed = new(0, 1);

    // The client host finishes starting only once connected, so a running gateway starts out connected.
    private volatile bool _connected = true;

    /// <summary>False while the gateway has no silo to talk to.</summary>
    public bool IsConnected => _connected;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        _connected = currentNumberOfGateways > 0;
        Raise();
    }

    public void NotifyClusterConnectionLost()
    {
        _connected = false;
        Raise();
    }

    /// <summary>Waits until the next change or <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _changed.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _changed.Dispose();

    private void Raise()
    {
        // At most one pending signal: several changes before the relay wakes need only one renewal.
        if (_changed.CurrentCount == 0)
        {
            try
            {
                _changed.Release();
            }
            catch (SemaphoreFullException)
            {
                // Raised concurrently; one pending signal is enough.
            }
        }
    }
}
