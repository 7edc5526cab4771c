using Inbox.Channels.Inbound;

namespace Inbox.Channels.Outbound;

/// <summary>A platform's refusal of a send, classified.</summary>
/// <param name="Kind">What it means for the inbox.</param>
/// <param name="Error">The platform's own code and words, kept for support.</param>
/// <param name="RetryAfter">How long the platform asked to wait, when it said.</param>
public sealed record SendFailure(SendFailureKind Kind, PlatformError Error, TimeSpan? RetryAfter)
{
    /// <summary>The code of a call that never reached the platform (no connection, no name): it cannot have the message.</summary>
    public const string UnreachableCode = "network";

    /// <summary>The code of a call the platform did not answer (in time): it may or may not have the message.</summary>
    public const string NoAnswerCode = "no-answer";

    /// <summary>Whether the platform may have taken the message although it did not say so: sending it again could duplicate it.</summary>
    public bool MayHaveArrived => Error.Code == NoAnswerCode;
}
