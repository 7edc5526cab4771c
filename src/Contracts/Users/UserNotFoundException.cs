namespace Inbox.Contracts.Users;

/// <summary>Thrown when a call names a user that does not exist.</summary>
[GenerateSerializer, Alias("inbox.user-not-found")]
public sealed class UserNotFoundException : Exception
{
    /// <summary>Creates the exception for a user key.</summary>
    public UserNotFoundException(string userKey)
        : base($"User '{userKey}' does not exist.") { }

    /// <summary>Creates an empty exception (for serializers).</summary>
    public UserNotFoundException() { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public UserNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}
