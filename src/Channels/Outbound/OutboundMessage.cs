using Inbox.Channels.Inbound;

namespace Inbox.Channels.Outbound;

/// <summary>An agent's reply as a platform sender needs it.</summary>
/// <param name="MessageId">The inbox's id of the message: the idempotency key where the platform has one (LINE's retry key).</param>
/// <param name="RecipientId">The customer's id on the platform (the conversation key the adapter gave their messages).</param>
/// <param name="Text">What the agent wrote.</param>
/// <param name="QuickReplies">Answers the customer can tap, where the platform has buttons (at most 3 on WhatsApp, 13 elsewhere).</param>
/// <param name="File">A file sent with the reply (the text is then its caption), or null.</param>
public sealed record OutboundMessage(string MessageId, string RecipientId, string Text, IReadOnlyList<string>? QuickReplies = null, OutboundFile? File = null)
{
    /// <summary>The most quick replies most platforms show (Messenger's and LINE's limit; a platform may show fewer).</summary>
    public const int MaxQuickReplies = 13;
}

/// <summary>A file an agent sends.</summary>
/// <param name="IsImage">True for a picture the platform shows as one (JPEG or PNG); anything else goes as a document.</param>
/// <param name="Content">The bytes, for platforms that take an upload.</param>
/// <param name="MimeType">Its media type.</param>
/// <param name="FileName">Its name.</param>
/// <param name="PublicUrl">A short-lived public HTTPS link to it, for platforms that fetch files themselves (LINE); null when none is configured.</param>
public sealed record OutboundFile(bool IsImage, byte[] Content, string MimeType, string FileName, Uri? PublicUrl);

/// <summary>What a send came to.</summary>
public abstract record SendResult
{
    private SendResult()
    {
    }

    /// <summary>The platform accepted the message (not yet delivered); its id, where the platform gives one, joins later status webhooks.</summary>
    public sealed record Accepted(string? PlatformMessageId) : SendResult;

    /// <summary>The platform refused it, classified.</summary>
    public sealed record Refused(SendFailure Failure) : SendResult;
}

/// <summary>
/// A short-lived platform access token bought with the channel's long-lived secrets (WeChat's <c>access_token</c>).
/// One per channel, owned by the channel's single grain activation: WeChat invalidates the previous token whenever a
/// new one is fetched, so the token must come from one place.
/// </summary>
public sealed class AccessTokenCache
{
    /// <summary>The current token, or null.</summary>
    public string? Token { get; set; }

    /// <summary>When to fetch a new one.</summary>
    public DateTimeOffset RefreshAt { get; set; }
}

/// <summary>Everything a sender needs for one send.</summary>
/// <param name="Http">A client from the channels' resilient HTTP pipeline.</param>
/// <param name="BaseUrl">The platform API's base address (configurable, so tests and the demo use the simulator).</param>
/// <param name="Fields">The channel's fields, secrets decrypted.</param>
/// <param name="Tokens">The channel's cached access token, for platforms that need one.</param>
/// <param name="Now">The current time.</param>
/// <param name="MediaBaseUrl">Where the platform serves media, when not at <paramref name="BaseUrl"/> (LINE's api-data host).</param>
public sealed record SendContext(HttpClient Http, Uri BaseUrl, IReadOnlyDictionary<string, string> Fields, AccessTokenCache Tokens, DateTimeOffset Now, Uri? MediaBaseUrl = null)
{
    /// <summary>Where the platform serves media.</summary>
    public Uri MediaBase => MediaBaseUrl ?? BaseUrl;

    /// <summary>A field's value; throws when the channel lacks it.</summary>
    public string Field(string name) =>
        Fields.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"The channel has no '{name}' field.");
}

/// <summary>Sends an agent's reply through one platform's send API and classifies any refusal.</summary>
public interface IChannelSender
{
    /// <summary>The platform's wire name.</summary>
    string Platform { get; }

    /// <summary>The platform's public API address, used unless configuration points elsewhere.</summary>
    Uri DefaultBaseUrl { get; }

    /// <summary>Where the platform serves media, when not at the API's base address.</summary>
    Uri? DefaultMediaBaseUrl => null;

    /// <summary>The most quick replies the platform shows on one message.</summary>
    int MaxQuickReplies => OutboundMessage.MaxQuickReplies;

    /// <summary>The platform's documented send limits for one channel (docs/channels.md, "Pacing").</summary>
    SendLimits Limits { get; }

    /// <summary>
    /// Whether the platform drops a repeated send carrying the same idempotency key (the inbox's message id), so a send
    /// whose answer was lost may safely go again (LINE's <c>X-Line-Retry-Key</c>). Elsewhere such a send is not repeated.
    /// </summary>
    bool HasIdempotencyKey => false;

    /// <summary>
    /// What an error the platform reports by webhook (a failed status) means, in the same kinds as a refused send;
    /// unknown where the platform reports none that way.
    /// </summary>
    SendFailureKind Classify(PlatformError platformError) => SendFailureKind.Unknown;

    /// <summary>Sends <paramref name="message"/>. Network failures surface as a transient refusal, never as an exception.</summary>
    Task<SendResult> SendAsync(SendContext context, OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>Downloads a file a customer sent, named by the platform's media id (or URL) from the webhook.</summary>
    Task<MediaFetch> FetchMediaAsync(SendContext context, string mediaId, CancellationToken cancellationToken);

    /// <summary>
    /// A customer's name and picture from the platform's profile API, for platforms whose webhooks carry neither; null
    /// where the platform has no such API (WhatsApp and Telegram send the name with each message) or gives nothing.
    /// </summary>
    Task<PlatformProfile?> FetchProfileAsync(SendContext context, string userId, CancellationToken cancellationToken) =>
        Task.FromResult<PlatformProfile?>(null);
}

/// <summary>What a platform's profile API says about a customer.</summary>
/// <param name="DisplayName">The name to show, when the platform gives one.</param>
/// <param name="PictureUrl">Their profile picture's (expiring) URL, when they have one.</param>
public sealed record PlatformProfile(string? DisplayName, Uri? PictureUrl);

/// <summary>What a media download came to.</summary>
public abstract record MediaFetch
{
    private MediaFetch()
    {
    }

    /// <summary>The file's bytes, with the media type and name the platform gave.</summary>
    public sealed record Fetched(byte[] Content, string? MimeType, string? FileName) : MediaFetch;

    /// <summary>The platform refused or failed, classified.</summary>
    public sealed record Failed(SendFailure Failure) : MediaFetch;
}
