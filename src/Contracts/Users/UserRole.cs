namespace Inbox.Contracts.Users;

/// <summary>What a user may do; permissions per role are the identity work's next slice.</summary>
public enum UserRole
{
    /// <summary>Answers customers.</summary>
    Agent = 0,

    /// <summary>Watches the team live and acts on every conversation.</summary>
    Supervisor = 1,

    /// <summary>Manages channels, users, roles and settings.</summary>
    Admin = 2,
}
