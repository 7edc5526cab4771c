using System.Security.Cryptography;
using System.Text;
using Inbox.Channels.Webhooks;

namespace Inbox.Channels.Meta;

/// <summary>
/// What WhatsApp, Messenger and Instagram webhooks share (Meta's Graph webhooks): the GET verification handshake
/// (<c>hub.mode=subscribe</c>, <c>hub.verify_token</c>, echo <c>hub.challenge</c> as plain text) and the
/// <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c> HMAC-SHA256 of the raw body keyed with the app secret.
/// </summary>
public static class MetaWebhooks
{
    /// <summary>The credential field holding the verify token the admin typed into Meta's dashboard.</summary>
    public const string VerifyTokenField = "verifyToken";

    /// <summary>The credential field holding the Meta app secret.</summary>
    public const string AppSecretField = "appSecret";

    /// <summary>The credential field holding the Graph API access token (a system-user or page token).</summary>
    public const string AccessTokenField = "accessToken";

    public const string SignatureHeader = "X-Hub-Signature-256";

    private const string SignaturePrefix = "sha256=";

    /// <summary>The fields every Meta channel needs after its own account id.</summary>
    public static IReadOnlyList<ChannelField> CommonFields { get; } =
    [
        new(AccessTokenField, ChannelFieldKind.Secret, "A permanent access token of a system user with the messaging permission (Business Settings → System users)."),
        new(AppSecretField, ChannelFieldKind.Secret, "The app secret (App Dashboard → App settings → Basic); signs every webhook."),
        new(VerifyTokenField, ChannelFieldKind.Generated, "Paste into the webhook's 'Verify token' box in the App Dashboard."),
    ];

    public static WebhookCheck Check(WebhookRequest request, IReadOnlyDictionary<string, string> credentials) =>
        string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase) ? Handshake(request, credentials) : Signature(request, credentials);

    private static WebhookCheck Handshake(WebhookRequest request, IReadOnlyDictionary<string, string> credentials)
    {
        if (request.Query("hub.mode") != "subscribe")
        {
            return new WebhookCheck.Rejected("hub.mode is not 'subscribe'.");
        }

        if (!credentials.TryGetValue(VerifyTokenField, out var expected) || expected.Length == 0
            || request.Query("hub.verify_token") is not { } given
            || !Secrets.Match(given, expected))
        {
            return new WebhookCheck.Rejected("hub.verify_token does not match the channel's verify token.");
        }

        return request.Query("hub.challenge") is { Length: > 0 } challenge
            ? new WebhookCheck.Challenge(challenge, "text/plain")
            : new WebhookCheck.Rejected("hub.challenge is missing.");
    }

    private static WebhookCheck Signature(WebhookRequest request, IReadOnlyDictionary<string, string> credentials)
    {
        if (!credentials.TryGetValue(AppSecretField, out var secret) || secret.Length == 0)
        {
            return new WebhookCheck.Rejected("The channel has no app secret.");
        }

        if (request.Header(SignatureHeader) is not { } header || !header.StartsWith(SignaturePrefix, StringComparison.Ordinal))
        {
            return new WebhookCheck.Rejected($"The {SignatureHeader} header is missing or not 'sha256=…'.");
        }

        var given = new byte[32];
        if (Convert.FromHexString(header.AsSpan(SignaturePrefix.Length), given, out _, out var written) != System.Buffers.OperationStatus.Done || written != given.Length)
        {
            return new WebhookCheck.Rejected($"The {SignatureHeader} header is not a hex HMAC-SHA256.");
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), request.Body.Span);
        return CryptographicOperations.FixedTimeEquals(expected, given)
            ? WebhookCheck.Accept
            : new WebhookCheck.Rejected($"The {SignatureHeader} header does not match the body.");
    }
}
