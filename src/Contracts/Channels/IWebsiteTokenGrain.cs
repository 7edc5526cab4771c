using Inbox.Contracts.Security;

namespace Inbox.Contracts.Channels;

/// <summary>
/// Maps a web-chat widget's public website token to its channel, so the widget hub can find the organisation and
/// channel from the token alone. Key: the website token.
/// </summary>
[Alias("inbox.IWebsiteTokenGrain")]
public interface IWebsiteTokenGrain : IGrainWithStringKey
{
    /// <summary>Binds the token to a channel. Returns false when it is already bound to another channel.</summary>
    [Alias("Bind")]
    Task<bool> BindAsync(ChannelInfo channel);

    /// <summary>The channel the token belongs to, or null for an unknown token.</summary>
    [Alias("Get"), Requires(Permission.ServiceSignIn)]
    Task<ChannelInfo?> GetChannelAsync();
}
