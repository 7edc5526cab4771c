namespace Inbox.Contracts.Security;

/// <summary>
/// Carries the <see cref="Caller"/> in the Orleans request context, which flows with every grain call made from the
/// same asynchronous flow (and on into the grains those grains call).
/// </summary>
public static class CallerContext
{
    private const string Key = "inbox.caller";

    /// <summary>The caller of the current flow, or null when none was set.</summary>
    public static Caller? Current => RequestContext.Get(Key) as Caller;

    /// <summary>Makes <paramref name="caller"/> the caller of the rest of the current asynchronous flow.</summary>
    public static void Set(Caller caller) => RequestContext.Set(Key, caller);

    /// <summary>Removes the caller: what runs next acts for the system, not for whoever's request started it.</summary>
    public static void Clear() => RequestContext.Remove(Key);

    /// <summary>The caller of the current flow; throws <see cref="AccessDeniedException"/> when there is none.</summary>
    public static Caller Require() =>
        Current ?? throw new AccessDeniedException("The call carries no caller: it was not made for a signed-in user, visitor or service.");
}
