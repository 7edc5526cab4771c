namespace Inbox.Contracts.Channels;

/// <summary>Whether a channel is working; when several apply, the first in this order is shown.</summary>
public enum ChannelStatus
{
    /// <summary>Receives and sends.</summary>
    Active = 0,

    /// <summary>Turned off by an admin: replies are refused, new inbound messages are acknowledged to the platform but not shown (counted), history stays.</summary>
    Disabled = 1,

    /// <summary>The platform refused the channel's access token: replies are held until an admin reconnects it (new credentials), then sent.</summary>
    NeedsReconnect = 2,

    /// <summary>The platform's rate limit was reached: replies are held and go out as soon as it allows (until <see cref="ChannelInfo.LimitedUntil"/>).</summary>
    RateLimited = 3,
}
