namespace Inbox.Contracts.Security;

/// <summary>A grain refused a call: no caller, the wrong organisation, or a missing permission.</summary>
[GenerateSerializer, Alias("inbox.access-denied")]
public sealed class AccessDeniedException : Exception
{
    /// <summary>Creates an empty exception (for serializers).</summary>
    public AccessDeniedException()
    {
    }

    /// <summary>Creates the exception with a message saying what was refused.</summary>
    public AccessDeniedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
