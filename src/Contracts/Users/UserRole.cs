namespace Inbox.Contracts.Users;

/// <summary>A user's role; what each may do is <see cref="Security.RolePermissions"/>.</summary>
public enum UserRole
{
    /// <summary>Answers customers on the channels and teams they may work.</summary>
    Agent = 0,

    /// <summary>Watches the team live and acts on every conversation.</summary>
    Supervisor = 1,

    /// <summary>Additionally manages channels, users, roles and settings.</summary>
    Admin = 2,
}
