namespace Inbox.Contracts.Users;

/// <summary>Where a user account stands.</summary>
public enum UserStatus
{
    /// <summary>Invited by an admin; signs in once they have accepted the invitation and chosen a password.</summary>
    Invited = 0,

    /// <summary>May sign in.</summary>
    Active = 1,

    /// <summary>Switched off by an admin: cannot sign in, and open sessions and live connections are cut.</summary>
    Deactivated = 2,
}
