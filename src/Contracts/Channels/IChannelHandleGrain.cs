using Inbox.Contracts.Security;

namespace Inbox.Contracts.Channels;

/// <summary>
/// Maps a public handle to its channel, so a request that carries only the handle finds the organisation and channel
/// without a scan: a widget's website token, or the channel id in a platform webhook's URL (which names no
/// organisation). Key: <see cref="ChannelHandles.Website"/> or <see cref="ChannelHandles.Webhook"/>.
/// </summary>
[Alias("inbox.IChannelHandleGrain")]
public interface IChannelHandleGrain : IGrainWithStringKey
{
    /// <summary>Binds the handle to a channel. Returns false when it is already bound to another channel.</summary>
    [Alias("Bind")]
    Task<bool> BindAsync(ChannelInfo channel);

    /// <summary>The channel the handle belongs to, or null for an unknown handle.</summary>
    [Alias("Get"), Requires(Permission.ServiceSignIn)]
    Task<ChannelInfo?> GetChannelAsync();
}

/// <summary>The keys of <see cref="IChannelHandleGrain"/>: one namespace per kind of handle, so a website token can never pose as a webhook id.</summary>
public static class ChannelHandles
{
    /// <summary>The name of a web chat's website token: the channel field, and the widget's query parameter.</summary>
    public const string WebsiteTokenField = "websiteToken";

    /// <summary>What a website token looks like: 8-64 letters, digits, '-' or '_'.</summary>
    public const string WebsiteTokenPattern = "^[A-Za-z0-9_-]{8,64}$";

    /// <summary>The handle of a web-chat widget's website token.</summary>
    public static string Website(string websiteToken) => "website:" + websiteToken;

    /// <summary>The handle of a platform channel's webhook URL, <c>/webhooks/{platform}/{channelId}</c>.</summary>
    public static string Webhook(string channelId) => "webhook:" + channelId;
}
