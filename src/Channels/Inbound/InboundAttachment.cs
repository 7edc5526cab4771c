namespace Inbox.Channels.Inbound;

/// <summary>A file a customer sent, still on the platform: <see cref="MediaId"/> is what its media API downloads.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="MediaId">The platform's id for downloading it.</param>
/// <param name="FileName">The original file name, when the platform keeps it.</param>
/// <param name="MimeType">The media type, when given.</param>
/// <param name="Size">Bytes, when given.</param>
public sealed record InboundAttachment(AttachmentKind Kind, string MediaId, string? FileName, string? MimeType, long? Size);
