namespace Inbox.Channels.Inbound;

/// <summary>How far a sent message got, as platforms report it; later states never go back to earlier ones.</summary>
public enum DeliveryState
{
    Sent,
    Delivered,
    Read,
    Failed,
}
