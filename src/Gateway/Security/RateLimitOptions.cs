using System.ComponentModel.DataAnnotations;

namespace Inbox.Gateway.Security;

/// <summary>The abuse limits, per client IP address.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Inbox:RateLimits";

    /// <summary>Sign-in and invitation-acceptance attempts per minute.</summary>
    [Range(1, 100_000)]
    public int SignInPerMinute { get; set; } = 30;

    /// <summary>Widget hub connection attempts (negotiate and connect requests) per minute.</summary>
    [Range(1, 100_000)]
    public int WidgetConnectionsPerMinute { get; set; } = 120;

    /// <summary>Messages one widget visitor may send per minute (per visitor, not per address).</summary>
    [Range(1, 100_000)]
    public int WidgetMessagesPerMinute { get; set; } = 30;
}
