namespace Inbox.Contracts.Messages;

/// <summary>How far an outgoing message has got towards the customer.</summary>
public enum DeliveryStatus
{
    /// <summary>Stored, not yet handed to the platform.</summary>
    Pending = 0,

    /// <summary>Accepted by the platform.</summary>
    Sent = 1,

    /// <summary>On the customer's device.</summary>
    Delivered = 2,

    /// <summary>Seen by the customer.</summary>
    Read = 3,

    /// <summary>Could not be delivered; see the failure reason.</summary>
    Failed = 4,
}
