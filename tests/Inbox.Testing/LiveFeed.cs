using System.Threading.Channels;

namespace Inbox.Testing;

/// <summary>Collects what a SignalR client receives so a test can wait for a matching item, with a deadline.</summary>
public sealed class LiveFeed<T>
{
    private readonly Channel<T> _items = Channel.CreateUnbounded<T>();
    private readonly List<T> _seen = [];

    public void Add(T item) => _items.Writer.TryWrite(item);

    /// <summary>Everything received so far.</summary>
    public IReadOnlyList<T> Seen
    {
        get
        {
            Drain();
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    /// <summary>Waits for the first item (already received or still to come) that matches.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        lock (_seen)
        {
            Drain();
            foreach (var item in _seen)
            {
                if (match(item))
                {
                    return item;
                }
            }
        }

        try
        {
            while (true)
            {
                var item = await _items.Reader.ReadAsync(deadline.Token);
                lock (_seen)
                {
                    _seen.Add(item);
                }

                if (match(item))
                {
                    return item;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching {typeof(T).Name} within {timeout}; received {Seen.Count}.");
        }
    }

    private void Drain()
    {
        lock (_seen)
        {
            while (_items.Reader.TryRead(out var item))
            {
                _seen.Add(item);
            }
        }
    }
}
