namespace Inbox.Contracts.Audit;

/// <summary>The audit log's action names, <c>noun.verb</c> like event names, in one place (docs/security.md lists them).</summary>
public static class AuditActions
{
    /// <summary>A customer's message was stored.</summary>
    public const string MessageReceived = "message.received";

    /// <summary>An agent's reply was stored.</summary>
    public const string MessageSent = "message.sent";

    /// <summary>A user signed in.</summary>
    public const string SignedIn = "session.signed_in";

    /// <summary>A user signed out (one session).</summary>
    public const string SignedOut = "session.signed_out";

    /// <summary>A user signed out everywhere: every session ended.</summary>
    public const string SignedOutEverywhere = "session.signed_out_everywhere";

    /// <summary>A known user's sign-in failed: wrong password, locked out, or deactivated.</summary>
    public const string SignInFailed = "session.sign_in_failed";

    /// <summary>Too many wrong passwords locked a user's sign-in.</summary>
    public const string LockedOut = "session.locked_out";

    /// <summary>A user was created directly (seeding).</summary>
    public const string UserCreated = "user.created";

    /// <summary>An admin invited a user.</summary>
    public const string UserInvited = "user.invited";

    /// <summary>An admin issued a new invitation token.</summary>
    public const string InvitationRenewed = "user.invitation_renewed";

    /// <summary>An invited user chose their password.</summary>
    public const string InvitationAccepted = "user.invitation_accepted";

    /// <summary>An admin issued a password-reset link for an active user.</summary>
    public const string PasswordResetIssued = "user.password_reset_issued";

    /// <summary>A user set a new password through a reset link (every older session ended).</summary>
    public const string PasswordReset = "user.password_reset";

    /// <summary>A user changed their own password (every other session ended).</summary>
    public const string PasswordChanged = "user.password_changed";

    /// <summary>An admin changed a user's name, teams or channels.</summary>
    public const string UserChanged = "user.changed";

    /// <summary>An admin changed a user's role (and perhaps more in the same change).</summary>
    public const string RoleChanged = "user.role_changed";

    /// <summary>An admin deactivated a user.</summary>
    public const string UserDeactivated = "user.deactivated";

    /// <summary>An admin reactivated a user.</summary>
    public const string UserReactivated = "user.reactivated";

    /// <summary>An admin renamed the organisation.</summary>
    public const string OrganisationRenamed = "organisation.renamed";

    /// <summary>An admin created or renamed a team.</summary>
    public const string TeamSaved = "team.saved";

    /// <summary>An admin exported audit entries (the entry records the filter).</summary>
    public const string AuditExported = "audit.exported";

    /// <summary>A channel was connected.</summary>
    public const string ChannelConnected = "channel.connected";

    /// <summary>An admin replaced a channel's credentials (the entry names the fields, never their values).</summary>
    public const string CredentialsChanged = "channel.credentials_changed";

    /// <summary>An admin disabled a channel.</summary>
    public const string ChannelDisabled = "channel.disabled";

    /// <summary>An admin enabled a disabled channel again.</summary>
    public const string ChannelEnabled = "channel.enabled";

    /// <summary>The platform refused a channel's access token: its replies are held until an admin reconnects it (by the system).</summary>
    public const string ChannelNeedsReconnect = "channel.needs_reconnect";

    /// <summary>New credentials made a channel that needed reconnecting send again.</summary>
    public const string ChannelReconnected = "channel.reconnected";

    /// <summary>The platform's rate limit held a channel's replies (by the system; at most one entry per few minutes).</summary>
    public const string ChannelRateLimited = "channel.rate_limited";

    /// <summary>An admin changed the pace a channel sends at.</summary>
    public const string ChannelRateChanged = "channel.rate_changed";

    /// <summary>A conversation was assigned, reassigned, taken over or returned to the queue (by a person, a rule or round robin).</summary>
    public const string ConversationAssigned = "conversation.assigned";

    /// <summary>A conversation's status changed (resolved, pending, snoozed, reopened, woken).</summary>
    public const string ConversationStatusChanged = "conversation.status_changed";

    /// <summary>A conversation's priority changed.</summary>
    public const string ConversationPriorityChanged = "conversation.priority_changed";

    /// <summary>A supervisor started or stopped observing a conversation.</summary>
    public const string ConversationObserved = "conversation.observed";

    /// <summary>An internal note was added to a conversation (the entry names the message, never its text).</summary>
    public const string NoteAdded = "message.note_added";

    /// <summary>A customer's language or attributes were changed.</summary>
    public const string ContactChanged = "contact.changed";

    /// <summary>An agent's presence changed (by themself, or offline after their connections dropped).</summary>
    public const string AgentPresenceChanged = "agent.presence_changed";

    /// <summary>An admin changed an agent's capacity.</summary>
    public const string AgentCapacityChanged = "agent.capacity_changed";

    /// <summary>An admin changed the routing settings or rules.</summary>
    public const string RoutingChanged = "routing.changed";
}
