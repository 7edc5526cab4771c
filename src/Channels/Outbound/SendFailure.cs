using Inbox.Channels.Inbound;

namespace Inbox.Channels.Outbound;

/// <summary>A platform's refusal of a send, classified.</summary>
/// <param name="Kind">What it means for the inbox.</param>
/// <param name="Error">The platform's own code and words, kept for support.</param>
/// <param name="RetryAfter">How long the platform asked to wait, when it said.</param>
public sealed record SendFailure(SendFailureKind Kind, PlatformError Error, TimeSpan? RetryAfter);
