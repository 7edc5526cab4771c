namespace Inbox.Contracts.Channels;

/// <summary>A connected channel, as everyone but an admin may see it (no secrets).</summary>
/// <param name="OrganisationId">The owning organisation.</param>
/// <param name="ChannelId">The channel's id within its organisation.</param>
/// <param name="Platform">The platform.</param>
/// <param name="Name">The name agents see.</param>
/// <param name="Status">Whether it works; a disabled channel takes no replies and shows no new messages.</param>
/// <param name="LimitedUntil">While <see cref="ChannelStatus.RateLimited"/>: when the platform lets it send again.</param>
[GenerateSerializer, Immutable, Alias("inbox.channel-info.v1")]
public sealed record ChannelInfo(
    [property: Id(0)] string OrganisationId,
    [property: Id(1)] string ChannelId,
    [property: Id(2)] Platform Platform,
    [property: Id(3)] string Name,
    [property: Id(4)] ChannelStatus Status = ChannelStatus.Active,
    [property: Id(5)] DateTimeOffset? LimitedUntil = null)
{
    /// <summary>Why nothing can be sent on it now, in words an agent reads; null when it can.</summary>
    public string? SendRefusal => Status == ChannelStatus.Disabled
        ? $"The channel '{Name}' is disabled: an admin turned it off, so replies cannot be sent on it."
        : null;

    /// <summary>Why replies on it are queued rather than sent now, in words an agent reads; null when they go out at once.</summary>
    public string? HoldNotice => Status switch
    {
        ChannelStatus.NeedsReconnect => $"Held: the platform refused the access token of '{Name}'. An admin must reconnect the channel; held replies go out then.",
        ChannelStatus.RateLimited => $"Queued: channel temporarily limited. '{Name}' reached the platform's rate limit; replies go out as soon as it allows.",
        _ => null,
    };
}
