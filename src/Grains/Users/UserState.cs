using Inbox.Contracts.Users;

namespace Inbox.Grains.Users;

/// <summary>A user's profile, password hash (ASP.NET Core Identity's format) and lockout counters.</summary>
[GenerateSerializer, Alias("inbox.user-state.v1")]
public sealed class UserState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string Email { get; set; } = "";
    [Id(2)] public UserRole Role { get; set; }
    [Id(3)] public string PasswordHash { get; set; } = "";
    [Id(4)] public int FailedSignIns { get; set; }
    [Id(5)] public DateTimeOffset? LockedUntil { get; set; }
}
