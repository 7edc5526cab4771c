namespace Inbox.Contracts.Messages;

/// <summary>Who a message comes from and who may see it.</summary>
public enum MessageKind
{
    /// <summary>From the customer.</summary>
    Incoming = 0,

    /// <summary>From an agent or a bot, sent to the customer.</summary>
    Outgoing = 1,

    /// <summary>Internal note between agents; never sent to the customer.</summary>
    Note = 2,

    /// <summary>A system event such as "assigned to X".</summary>
    Activity = 3,
}
