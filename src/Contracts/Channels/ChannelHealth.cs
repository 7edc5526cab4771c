namespace Inbox.Contracts.Channels;

/// <summary>How a channel's sending is going, for its admins (the health page and <c>channel.alert</c>).</summary>
/// <param name="Channel">The channel and its status.</param>
/// <param name="QueueDepth">Replies stored and waiting to go out (held, paced or being sent).</param>
/// <param name="OldestQueuedAt">When the oldest of them was written, or null when none waits.</param>
/// <param name="SendsLastMinute">Replies the platform accepted in the last minute.</param>
/// <param name="RatePerSecond">The pace the channel keeps: the platform's documented limit, or the admin's.</param>
/// <param name="RecipientPerSecond">The pace to one customer, where the platform limits it.</param>
/// <param name="NeedsReconnectSince">When the platform refused the access token, while it still does.</param>
/// <param name="LastError">The platform's last refusal, kept for support.</param>
/// <param name="DiscardedWhileDisabled">Inbound messages acknowledged but not shown because the channel was disabled.</param>
/// <param name="Alert">For <c>channel.alert</c>: what happened, in words an admin reads.</param>
[GenerateSerializer, Immutable, Alias("inbox.channel-health.v1")]
public sealed record ChannelHealth(
    [property: Id(0)] ChannelInfo Channel,
    [property: Id(1)] int QueueDepth,
    [property: Id(2)] DateTimeOffset? OldestQueuedAt,
    [property: Id(3)] int SendsLastMinute,
    [property: Id(4)] double RatePerSecond,
    [property: Id(5)] double? RecipientPerSecond,
    [property: Id(6)] DateTimeOffset? NeedsReconnectSince,
    [property: Id(7)] ChannelError? LastError,
    [property: Id(8)] long DiscardedWhileDisabled,
    [property: Id(9)] string? Alert = null);

/// <summary>A platform's refusal of a send, as support needs it.</summary>
/// <param name="Kind">Its class: <c>rate_limited</c>, <c>auth_expired</c>, <c>transient</c>, … (docs/channels.md maps every code).</param>
/// <param name="Code">The platform's own code.</param>
/// <param name="Message">The platform's own words.</param>
/// <param name="At">When it happened.</param>
[GenerateSerializer, Immutable, Alias("inbox.channel-error.v1")]
public sealed record ChannelError(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Code,
    [property: Id(2)] string Message,
    [property: Id(3)] DateTimeOffset At);
