namespace Inbox.Channels.Inbound;

/// <summary>The customer as the platform describes them.</summary>
/// <param name="Id">The platform's user id (the ChannelIdentity key: wa_id, PSID, Telegram chat id, LINE userId, OpenID).</param>
/// <param name="DisplayName">A name to show, when the platform gives one.</param>
/// <param name="Username">A handle, when the platform has one (Telegram @username).</param>
/// <param name="LanguageCode">The user's language as an IETF tag, when given.</param>
public sealed record PlatformUser(string Id, string? DisplayName, string? Username, string? LanguageCode);
