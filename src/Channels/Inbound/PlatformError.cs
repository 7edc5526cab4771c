namespace Inbox.Channels.Inbound;

/// <summary>A platform's error as it reported it: the raw code is kept for support, the text for people.</summary>
/// <param name="Code">The platform's error code (e.g. WhatsApp 131047).</param>
/// <param name="Title">Its short title.</param>
/// <param name="Detail">Its longer explanation, when given.</param>
public sealed record PlatformError(string Code, string Title, string? Detail);
