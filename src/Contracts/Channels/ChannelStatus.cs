namespace Inbox.Contracts.Channels;

/// <summary>Whether a channel is working.</summary>
public enum ChannelStatus
{
    /// <summary>Receives and sends.</summary>
    Active = 0,

    /// <summary>Turned off by an admin: replies are refused, new inbound messages are acknowledged to the platform but not shown (counted), history stays.</summary>
    Disabled = 1,
}
