namespace Inbox.Contracts.Users;

/// <summary>Thrown when a call names an invitation or reset link that is unknown, already used or expired.</summary>
[GenerateSerializer, Alias("inbox.invitation-not-found")]
public sealed class InvitationNotFoundException : Exception
{
    /// <summary>Creates the exception with the one message every such answer gives.</summary>
    public InvitationNotFoundException()
        : base("The link is unknown, already used or expired: ask an admin for a new one.") { }

    /// <summary>Creates the exception with another message (for serializers).</summary>
    public InvitationNotFoundException(string message)
        : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvitationNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}
