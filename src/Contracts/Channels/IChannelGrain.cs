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

    /// <summary>The channel with what an admin may know of its credentials (which fields are set, and when; never a value), or null.</summary>
    [Alias("GetDetails"), Requires(Permission.ChannelsRead)]
    Task<ChannelDetails?> GetDetailsAsync();

    /// <summary>
    /// Replaces the channel's credentials (access tokens, app secrets, ...), stored encrypted with Data Protection
    /// and never returned by any API. Throws <see cref="ChannelNotFoundException"/> for a channel that does not exist
    /// and <see cref="ArgumentException"/> for malformed fields.
    /// </summary>
    [Alias("SetCredentials"), Requires(Permission.ChannelsManage)]
    Task<ChannelDetails> SetCredentialsAsync(IReadOnlyDictionary<string, string> credentials);
}
