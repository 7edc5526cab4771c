namespace Inbox.Channels;

/// <summary>How a channel field is given, kept and shown.</summary>
public enum ChannelFieldKind
{
    /// <summary>An id the admin copies from the platform (a phone number id, a page id): stored and shown in the clear.</summary>
    Setting,

    /// <summary>A secret the admin copies from the platform (an access token, an app secret): stored encrypted, never shown again.</summary>
    Secret,

    /// <summary>
    /// A token the inbox makes up when the admin gives none, and shows so the admin can paste it into the platform's
    /// console (a webhook verify token, Telegram's secret token, WeChat's server token).
    /// </summary>
    Generated,
}

/// <summary>One field a platform channel needs to connect.</summary>
/// <param name="Name">The field's name in the API (<c>accessToken</c>, <c>appSecret</c>, …).</param>
/// <param name="Kind">How it is given, kept and shown.</param>
/// <param name="Description">Where to find it on the platform, in a sentence.</param>
public sealed record ChannelField(string Name, ChannelFieldKind Kind, string Description);
