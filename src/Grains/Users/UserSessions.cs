namespace Inbox.Grains.Users;

/// <summary>
/// Which of a user's sessions stand. Each session carries the user's session version from when it began: moving the
/// version on ends them all. A single session is ended by remembering its id until its cookie would have expired.
/// </summary>
internal static class UserSessions
{
    /// <summary>The most signed-out sessions remembered; past it, every session ends instead.</summary>
    public const int MaxEnded = 200;

    /// <summary>True when the session still stands: the user is active, the version is current, it was not signed out.</summary>
    public static bool Stands(UserState user, string sessionId, int sessionVersion, DateTimeOffset now) =>
        user.Status == Contracts.Users.UserStatus.Active
        && user.SessionVersion == sessionVersion
        && !(user.EndedSessions.TryGetValue(sessionId, out var until) && until > now);

    /// <summary>Ends every session.</summary>
    public static void EndAll(UserState user)
    {
        user.SessionVersion++;
        user.EndedSessions.Clear();
    }

    /// <summary>Ends one session until <paramref name="expiresAt"/>, forgetting sessions that have expired anyway.</summary>
    public static void End(UserState user, string sessionId, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        foreach (var expired in user.EndedSessions.Where(e => e.Value <= now).Select(e => e.Key).ToList())
        {
            user.EndedSessions.Remove(expired);
        }

        // Someone signing out hundreds of times within a session lifetime: end them all rather than keep a long list.
        if (user.EndedSessions.Count >= MaxEnded)
        {
            EndAll(user);
        }
        else
        {
            user.EndedSessions[sessionId] = expiresAt;
        }
    }
}
