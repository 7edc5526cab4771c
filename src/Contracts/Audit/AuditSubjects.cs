namespace Inbox.Contracts.Audit;

/// <summary>The kinds of thing an audit entry can be about.</summary>
public static class AuditSubjects
{
    /// <summary>A user (subject id: the user id).</summary>
    public const string User = "user";

    /// <summary>A conversation (subject id: the conversation id).</summary>
    public const string Conversation = "conversation";

    /// <summary>A channel (subject id: the channel id).</summary>
    public const string Channel = "channel";

    /// <summary>A team (subject id: the team id).</summary>
    public const string Team = "team";

    /// <summary>A customer.</summary>
    public const string Contact = "contact";

    /// <summary>An agent's presence and capacity.</summary>
    public const string Agent = "agent";

    /// <summary>The organisation's routing settings and rules.</summary>
    public const string Routing = "routing";

    /// <summary>The organisation (subject id: the organisation id).</summary>
    public const string Organisation = "organisation";

    /// <summary>The organisation's audit log itself (subject id: the organisation id).</summary>
    public const string AuditLog = "audit_log";
}
