namespace Inbox.Simulator.Platforms;

/// <summary>
/// Stamps every platform API request as it arrives (an order and a strictly increasing time) and decides, at that same
/// instant and under the same lock, whether the platform's rate limit lets it through: at most N accepted sends in any
/// sliding second, per platform or per account. Deciding at arrival, in arrival order, is what makes the recorded times
/// checkable: no N+1 accepted sends of one window ever fall within a second of each other. A send takes its place when
/// it arrives and gives it back when it is refused for another reason (a bad token, an injected fault, a bad body), so
/// the places held are exactly the accepted sends.
/// </summary>
internal sealed class Arrivals(TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int PerSecond, bool PerAccount)> _limits = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Platform, string Account), LinkedList<DateTimeOffset>> _windows = [];
    private long _sequence;
    private DateTimeOffset _last;

    /// <summary>Sets or (with null or 0) removes <paramref name="platform"/>'s limit; the new limit starts with empty windows.</summary>
    public void Limit(string platform, int? perSecond, bool perAccount)
    {
        lock (_lock)
        {
            if (perSecond is > 0)
            {
                _limits[platform] = (perSecond.Value, perAccount);
            }
            else
            {
                _limits.Remove(platform);
            }

            foreach (var key in _windows.Keys.Where(k => k.Platform == platform).ToList())
            {
                _windows.Remove(key);
            }
        }
    }

    /// <summary>Stamps a request to <paramref name="platform"/> from <paramref name="account"/> and lets it through or not.</summary>
    public Arrival Arrive(string platform, string? account)
    {
        lock (_lock)
        {
            // Two arrivals can read the same clock tick; one tick apart keeps the order in the times themselves.
            var now = clock.GetUtcNow();
            _last = now > _last ? now : _last.AddTicks(1);
            var arrival = new Arrival(++_sequence, _last, null, null);
            if (!_limits.TryGetValue(platform, out var limit))
            {
                return arrival;
            }

            var key = (platform, limit.PerAccount ? account ?? "" : "");
            if (!_windows.TryGetValue(key, out var window))
            {
                _windows[key] = window = new LinkedList<DateTimeOffset>();
            }

            while (window.First is { } oldest && oldest.Value <= _last - Window)
            {
                window.RemoveFirst();
            }

            return window.Count >= limit.PerSecond
                ? arrival with { RetryAfter = window.First!.Value + Window - _last }
                : arrival with { Place = window.AddLast(_last) };
        }
    }

    /// <summary>Gives back the place of a send that was not accepted after all.</summary>
    public void GiveBack(LinkedListNode<DateTimeOffset> place)
    {
        lock (_lock)
        {
            // A limit set again since has dropped the old window: nothing to give back then.
            place.List?.Remove(place);
        }
    }

    /// <summary>Forgets every limit (the order of arrival goes on).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _limits.Clear();
            _windows.Clear();
        }
    }
}
