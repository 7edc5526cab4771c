using Inbox.Contracts.Messages;
using Inbox.Contracts.Security;
using Orleans.Concurrency;

namespace Inbox.Contracts.Channels;

/// <summary>One connected platform account. Key: <c>{organisationId}:{channelId}</c>.</summary>
[Alias("inbox.IChannelGrain")]
public interface IChannelGrain : IGrainWithStringKey
{
    /// <summary>
    /// Connects a web-chat channel whose widget identifies itself with <paramref name="websiteToken"/>.
    /// Idempotent for the same token; the token must not belong to another channel. Null makes one up (or keeps the
    /// channel's). Throws <see cref="ArgumentException"/> for a bad name or token, <see cref="Errors.ConflictException"/>
    /// for a token of another channel.
    /// </summary>
    [Alias("ConnectWebChat"), Requires(Permission.ChannelsManage)]
    Task<ChannelInfo> ConnectWebChatAsync(string name, string? websiteToken);

    /// <summary>
    /// Connects a platform channel (WhatsApp, Messenger, Instagram, Telegram, LINE, WeChat) with the fields its platform
    /// needs, generating the tokens the admin did not give, and binds its webhook URL. Throws
    /// <see cref="ArgumentException"/> saying which field is missing or unknown, and
    /// <see cref="Errors.ConflictException"/> when the id is taken by a channel of another kind.
    /// </summary>
    [Alias("Connect"), Requires(Permission.ChannelsManage)]
    Task<ChannelDetails> ConnectAsync(ChannelSetup setup);

    /// <summary>Every field of the channel with its value, secrets decrypted: for the grains that check webhooks and send. Null for an unknown channel.</summary>
    [Alias("GetSecrets")]
    Task<IReadOnlyDictionary<string, string>?> GetSecretsAsync();

    /// <summary>
    /// Queues an agent's stored reply: written to the channel's durable outbox before this returns, then sent through
    /// the platform's send API at the pace the platform allows, one conversation's replies in order, retried when the
    /// platform had a passing problem, held while it limits the channel or refuses its token; the conversation is told
    /// what became of it (<see cref="Conversations.IConversationGrain.ReportSendAsync"/>). Queuing the same message
    /// twice sends it once. Throws <see cref="Errors.ConflictException"/> while the channel is disabled.
    /// </summary>
    [Alias("Enqueue"), AlwaysInterleave]
    Task EnqueueAsync(OutboundReply reply);

    /// <summary>How the channel's sending is going: status, queue, pace, last error. Null for an unknown channel.</summary>
    [Alias("GetHealth"), Requires(Permission.ChannelsManage), ReadOnly, AlwaysInterleave]
    Task<ChannelHealth?> GetHealthAsync();

    /// <summary>
    /// Sets the pace the channel sends at, in messages per second (a WhatsApp number upgraded to 1,000 mps, a bot
    /// granted more by Telegram), or back to the platform's documented limit with null. Throws
    /// <see cref="ArgumentException"/> outside 0.1-10,000 and <see cref="ChannelNotFoundException"/>.
    /// </summary>
    [Alias("SetRate"), Requires(Permission.ChannelsManage)]
    Task<ChannelHealth> SetRateAsync(double? perSecond);

    /// <summary>
    /// Downloads a file a customer sent through the platform's media API and keeps it in the media store. Never
    /// throws for a platform's refusal: the report says why the file is missing.
    /// </summary>
    [Alias("FetchMedia"), AlwaysInterleave]
    Task<MediaReport> FetchMediaAsync(MediaRequest request);

    /// <summary>
    /// Asks the platform's profile API for a new customer's name and picture, keeps the picture in the media store and
    /// shows both on the contact and the conversation. One-way: the webhook that brought the customer does not wait.
    /// </summary>
    [Alias("RefreshProfile"), OneWay, AlwaysInterleave]
    Task RefreshProfileAsync(ProfileRequest request);

    /// <summary>The channel, or null when none was connected under this key.</summary>
    [Alias("Get"), Requires(Permission.ChannelsRead)]
    Task<ChannelInfo?> GetAsync();

    /// <summary>The channel with what an admin may know of its credentials (which fields are set, and when; never a value), or null.</summary>
    [Alias("GetDetails"), Requires(Permission.ChannelsRead)]
    Task<ChannelDetails?> GetDetailsAsync();

    /// <summary>
    /// Turns the channel off (<paramref name="enabled"/> false) or on again. While off, replies are refused and the
    /// platform's webhooks are acknowledged but their messages discarded and counted; its history stays readable.
    /// </summary>
    [Alias("SetEnabled"), Requires(Permission.ChannelsManage)]
    Task<ChannelDetails> SetEnabledAsync(bool enabled);

    /// <summary>Counts inbound messages discarded because the channel is disabled. Fire and forget.</summary>
    [Alias("Discarded"), OneWay]
    Task DiscardedAsync(int messages);

    /// <summary>
    /// Replaces credential fields (rotating an access token, an app secret, ...), stored encrypted with Data Protection
    /// and never returned by any API. A platform channel keeps the fields not given and accepts only its platform's
    /// fields; a web-chat channel's credentials are replaced whole. Throws <see cref="ChannelNotFoundException"/> for a channel that does not exist
    /// and <see cref="ArgumentException"/> for malformed fields.
    /// </summary>
    [Alias("SetCredentials"), Requires(Permission.ChannelsManage)]
    Task<ChannelDetails> SetCredentialsAsync(IReadOnlyDictionary<string, string> credentials);
}
