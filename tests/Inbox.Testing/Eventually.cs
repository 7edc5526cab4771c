namespace Inbox.Testing;

/// <summary>Retries an action until it succeeds or a deadline passes; for the moments after a restart.</summary>
public static class Eventually
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    /// <summary>Returns once <paramref name="check"/> holds; throws <see cref="TimeoutException"/> when it still does not after <paramref name="timeout"/>.</summary>
    public static Task TrueAsync(Func<Task<bool>> check, TimeSpan timeout) =>
        SucceedsAsync(
            async () => await check() ? true : throw new TimeoutException($"The condition did not hold within {timeout.TotalSeconds:0} s."),
            timeout);

    /// <summary>The first successful result of <paramref name="action"/>; its last failure once <paramref name="timeout"/> has passed.</summary>
    public static async Task<T> SucceedsAsync<T>(Func<Task<T>> action, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return await action();
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(Pause);
            }
        }
    }
}
