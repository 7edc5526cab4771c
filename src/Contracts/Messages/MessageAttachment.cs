namespace Inbox.Contracts.Messages;

/// <summary>What kind of file an attachment is, so the chat can show it the right way.</summary>
public enum AttachmentKind
{
    /// <summary>A photo or picture.</summary>
    Image = 0,

    /// <summary>A recorded voice note.</summary>
    Voice = 1,

    /// <summary>An audio file.</summary>
    Audio = 2,

    /// <summary>A video.</summary>
    Video = 3,

    /// <summary>Any other file (a PDF, a spreadsheet, ...).</summary>
    File = 4,

    /// <summary>A sticker (shown as an image).</summary>
    Sticker = 5,
}

/// <summary>A file sent with a message.</summary>
/// <param name="AttachmentId">Its id within the message, used in its download URL.</param>
/// <param name="Kind">What kind of file it is.</param>
/// <param name="FileName">The file's name, when the sender gave one.</param>
/// <param name="MimeType">Its media type, when known.</param>
/// <param name="Size">Its size in bytes, when known.</param>
/// <param name="PlatformMediaId">The platform's id or URL for fetching it (media ids expire on most platforms).</param>
/// <param name="BlobName">Where the inbox keeps its copy, once downloaded; null until then.</param>
[GenerateSerializer, Immutable, Alias("inbox.message-attachment.v1")]
public sealed record MessageAttachment(
    [property: Id(0)] string AttachmentId,
    [property: Id(1)] AttachmentKind Kind,
    [property: Id(2)] string? FileName,
    [property: Id(3)] string? MimeType,
    [property: Id(4)] long? Size,
    [property: Id(5)] string? PlatformMediaId,
    [property: Id(6)] string? BlobName);

/// <summary>A place a customer shared.</summary>
/// <param name="Latitude">Degrees north.</param>
/// <param name="Longitude">Degrees east.</param>
/// <param name="Name">The place's name, when given.</param>
/// <param name="Address">Its address, when given.</param>
[GenerateSerializer, Immutable, Alias("inbox.message-location.v1")]
public sealed record MessageLocation(
    [property: Id(0)] double Latitude,
    [property: Id(1)] double Longitude,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? Address);
