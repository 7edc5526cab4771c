using Inbox.Contracts.Users;

namespace Inbox.Grains.Users;

/// <summary>A user's profile, access, password hash (ASP.NET Core Identity's format), lockout and invitation.</summary>
[GenerateSerializer, Alias("inbox.user-state.v1")]
public sealed class UserState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string Email { get; set; } = "";
    [Id(2)] public UserRole Role { get; set; }
    [Id(3)] public string PasswordHash { get; set; } = "";
    [Id(4)] public int FailedSignIns { get; set; }
    [Id(5)] public DateTimeOffset? LockedUntil { get; set; }

    // Ids 6-11 came with invitations and access control; users stored before them read as active with no teams.
    [Id(6)] public UserStatus Status { get; set; } = UserStatus.Active;
    [Id(7)] public List<string> Teams { get; set; } = [];
    [Id(8)] public List<string> Channels { get; set; } = [];
    [Id(9)] public int SessionVersion { get; set; }

    /// <summary>The handle key of the open invitation (it holds the token's hash, never the token).</summary>
    [Id(10)] public string? InvitationHandle { get; set; }
    [Id(11)] public DateTimeOffset? InvitationExpiresAt { get; set; }

    /// <summary>Sessions signed out before their cookie expires: session id → when the cookie would have expired.</summary>
    [Id(12)] public Dictionary<string, DateTimeOffset> EndedSessions { get; set; } = [];
}
