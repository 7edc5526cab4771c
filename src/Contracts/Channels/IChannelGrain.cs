using Inbox.Contracts.Security;

namespace Inbox.Contracts.Channels;

/// <summary>One connected platform account. Key: <c>{organisationId}:{channelId}</c>.</summary>
[Alias("inbox.IChannelGrain")]
public interface IChannelGrain : IGrainWithStringKey
{
    /// <summary>
    /// Connects a web-chat channel whose widget identifies itself with <paramref name="websiteToken"/>.
    /// Idempotent for the same token; the token must not belong to another channel.
    /// </summary>
    [Alias("ConnectWebChat"), Requires(Permission.ChannelsManage)]
    Task<ChannelInfo> ConnectWebChatAsync(string name, string websiteToken);

    /// <summary>The channel, or null when none was connected under this key.</summary>
    [Alias("Get"), Requires(Permission.ChannelsRead)]
    Task<ChannelInfo?> GetAsync();
}
