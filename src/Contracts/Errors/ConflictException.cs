namespace Inbox.Contracts.Errors;

/// <summary>
/// A grain refused a well-formed request because of the state things are in (an email already taken, an invitation
/// already used, an admin demoting themself): the API answers 409 with this message.
/// </summary>
[GenerateSerializer, Alias("inbox.conflict")]
public sealed class ConflictException : Exception
{
    /// <summary>Creates an empty exception (for serializers).</summary>
    public ConflictException()
    {
    }

    /// <summary>Creates the exception with a message that says what is in the way.</summary>
    public ConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
