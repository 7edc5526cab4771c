using System.Collections.Frozen;
using Inbox.Contracts.Users;

namespace Inbox.Contracts.Security;

/// <summary>The one map from a user's role to what they may do (docs/security.md shows it as a table).</summary>
public static class RolePermissions
{
    private static readonly FrozenSet<Permission> Agent = FrozenSet.Create(
        Permission.ConversationsRead,
        Permission.ConversationsReply,
        Permission.UsersRead,
        Permission.ChannelsRead);

    private static readonly FrozenSet<Permission> Supervisor = FrozenSet.Create(
        [.. Agent, Permission.ConversationsReadAll, Permission.ConversationsManage, Permission.WallboardRead]);

    private static readonly FrozenSet<Permission> Admin = FrozenSet.Create(
        [.. Supervisor, Permission.UsersManage, Permission.ChannelsManage, Permission.AuditRead, Permission.SettingsManage]);

    /// <summary>The permissions of <paramref name="role"/>.</summary>
    public static IReadOnlySet<Permission> For(UserRole role) => role switch
    {
        UserRole.Agent => Agent,
        UserRole.Supervisor => Supervisor,
        UserRole.Admin => Admin,
        _ => FrozenSet<Permission>.Empty,
    };
}
