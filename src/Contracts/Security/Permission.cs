using System.Diagnostics.CodeAnalysis;

namespace Inbox.Contracts.Security;

/// <summary>
/// What a caller may do. Endpoints, hub methods and grain methods name the permission they need, never a role: the
/// one map from roles to permissions is <see cref="RolePermissions"/>. Wire names are snake_case (see docs/security.md).
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "The product's word for it; an enum of permissions, not a System.Security permission type.")]
public enum Permission
{
    /// <summary>Read the conversations the user may work: their channels, their teams, and any assigned to them.</summary>
    ConversationsRead = 0,

    /// <summary>Read every conversation of the organisation.</summary>
    ConversationsReadAll = 1,

    /// <summary>Reply to (and later add notes in) the conversations the user may read.</summary>
    ConversationsReply = 2,

    /// <summary>Assign, reassign and change the status of any conversation the user may read.</summary>
    ConversationsManage = 3,

    /// <summary>See the organisation's users and teams.</summary>
    UsersRead = 4,

    /// <summary>Invite users, change their role, teams and channels, deactivate and reactivate them; manage teams.</summary>
    UsersManage = 5,

    /// <summary>See the organisation's channels (names and platforms, never credentials).</summary>
    ChannelsRead = 6,

    /// <summary>Connect, change, disable and reconnect channels; set their credentials.</summary>
    ChannelsManage = 7,

    /// <summary>Read and verify the audit log.</summary>
    AuditRead = 8,

    /// <summary>Change the organisation's settings.</summary>
    SettingsManage = 9,

    /// <summary>See the live wallboard: waiting customers, longest wait, each agent's presence and load; get wait alerts.</summary>
    WallboardRead = 10,

    /// <summary>A web-chat visitor: write in and read their own conversation, nothing else.</summary>
    WidgetChat = 100,

    /// <summary>A gateway before anyone is signed in: find a user by email or invitation and check a password.</summary>
    ServiceSignIn = 200,

    /// <summary>A gateway keeping sessions honest: read a user's status and subscribe to event feeds.</summary>
    ServiceSessions = 201,

    /// <summary>A gateway handing a platform's webhook to the cluster, which checks its signature itself.</summary>
    ServiceWebhooks = 202,
}
