namespace Inbox.Channels.Inbound;

/// <summary>The kinds of file a message can carry, across platforms.</summary>
public enum AttachmentKind
{
    Image,
    Voice,
    Audio,
    Video,
    File,
    Sticker,
}
