namespace Inbox.Contracts.Security;

/// <summary>Who is behind a call.</summary>
public enum CallerKind
{
    /// <summary>A signed-in user of an organisation.</summary>
    User = 0,

    /// <summary>A web-chat visitor of one channel.</summary>
    Visitor = 1,

    /// <summary>A gateway acting for itself (sign-in lookups, session checks, event subscriptions); belongs to no organisation.</summary>
    Service = 2,
}
