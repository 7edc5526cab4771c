using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inbox.Channels.Inbound;
using Inbox.Channels.Webhooks;

namespace Inbox.Channels.Line;

/// <summary>
/// LINE Messaging API webhooks: <c>x-line-signature</c> is the Base64 HMAC-SHA256 of the raw body keyed with the channel
/// secret (LINE publishes no source IPs, so this is the only authentication). A body holds any number of events, each
/// mapped on its own, so one malformed event never loses the valid ones beside it.
/// </summary>
public sealed class LineAdapter : IChannelAdapter
{
    public const string PlatformName = "line";

    /// <summary>The credential field holding the channel secret.</summary>
    public const string ChannelSecretField = "channelSecret";

    public const string SignatureHeader = "x-line-signature";

    /// <summary>The credential field holding the long-lived channel access token.</summary>
    public const string AccessTokenField = "accessToken";

    public string Platform => PlatformName;

    public IReadOnlyList<ChannelField> Fields { get; } =
    [
        new(AccessTokenField, ChannelFieldKind.Secret, "The long-lived channel access token (LINE Developers console → Messaging API tab)."),
        new(ChannelSecretField, ChannelFieldKind.Secret, "The channel secret (Basic settings tab); signs every webhook."),
    ];

    public WebhookCheck Check(WebhookRequest request, IReadOnlyDictionary<string, string> credentials)
    {
        if (!credentials.TryGetValue(ChannelSecretField, out var secret) || secret.Length == 0)
        {
            return new WebhookCheck.Rejected("The channel has no channel secret.");
        }

        if (request.Header(SignatureHeader) is not { Length: > 0 } header)
        {
            return new WebhookCheck.Rejected($"The {SignatureHeader} header is missing.");
        }

        var given = new byte[32];
        if (!Convert.TryFromBase64String(header, given, out var length) || length != given.Length)
        {
            return new WebhookCheck.Rejected($"The {SignatureHeader} header is not a Base64 HMAC-SHA256.");
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), request.Body.Span);
        return CryptographicOperations.FixedTimeEquals(expected, given)
            ? WebhookCheck.Accept
            : new WebhookCheck.Rejected($"The {SignatureHeader} header does not match the body.");
    }

    public IReadOnlyList<InboundEvent> Parse(ReadOnlyMemory<byte> body)
    {
        var webhook = JsonBodies.Object(body, "LINE");
        if (webhook["events"] is not JsonArray events)
        {
            throw new WebhookFormatException("The body is not a LINE webhook: it has no events array.");
        }

        // An empty list is LINE's "Verify" button: nothing to store, answer 200.
        return events.Select(node => JsonBodies.Safely<InboundEvent>(
            () => node is JsonObject e ? Map(e) : new IgnoredEvent("not an event object"),
            () => new IgnoredEvent("malformed " + (node?["type"]?.GetValueKind() == JsonValueKind.String ? (string?)node["type"] : "event")))).ToList();
    }

    private static InboundEvent Map(JsonObject e)
    {
        var type = (string?)e["type"] ?? "";
        var at = DateTimeOffset.FromUnixTimeMilliseconds((long?)e["timestamp"] ?? 0);
        var source = e["source"] as JsonObject;
        var userId = (string?)source?["userId"];

        // Replies go to the group or room when the message was written in one, else to the user.
        var conversationKey = (string?)source?["groupId"] ?? (string?)source?["roomId"] ?? userId;
        return (type, conversationKey) switch
        {
            ("message", { } key) when e["message"] is JsonObject message => Message(message, key, userId ?? key, at),
            ("follow", { } key) => new ReachabilityChanged(key, false, at),
            ("unfollow", { } key) => new ReachabilityChanged(key, true, at),
            _ => new IgnoredEvent(type),
        };
    }

    private static InboundMessage Message(JsonObject message, string conversationKey, string senderId, DateTimeOffset at)
    {
        var id = (string?)message["id"] ?? throw new FormatException("A message event has no message id.");
        var kind = (string?)message["type"];
        var attachments = new List<InboundAttachment>();
        InboundLocation? location = null;
        string? text = null;
        string? unsupported = null;

        // Files are fetched later from the content endpoint by message id (stickers from LINE's sticker CDN by ids).
        switch (kind)
        {
            case "text":
                text = (string?)message["text"];
                break;
            case "image":
                attachments.Add(new InboundAttachment(AttachmentKind.Image, id, null, null, null));
                break;
            case "video":
                attachments.Add(new InboundAttachment(AttachmentKind.Video, id, null, null, null));
                break;
            case "audio":
                attachments.Add(new InboundAttachment(AttachmentKind.Audio, id, null, null, null));
                break;
            case "file":
                attachments.Add(new InboundAttachment(AttachmentKind.File, id, (string?)message["fileName"], null, (long?)message["fileSize"]));
                break;
            case "sticker":
                attachments.Add(new InboundAttachment(AttachmentKind.Sticker, $"{(string?)message["packageId"]}:{(string?)message["stickerId"]}", null, null, null));
                break;
            case "location":
                location = new InboundLocation(
                    (double?)message["latitude"] ?? throw new FormatException("A location has no latitude."),
                    (double?)message["longitude"] ?? throw new FormatException("A location has no longitude."),
                    (string?)message["title"],
                    (string?)message["address"]);
                break;
            default:
                unsupported = kind ?? "unknown";
                break;
        }

        // LINE's webhook carries no names; the profile API fills the contact in later.
        return new InboundMessage(id, conversationKey, new PlatformUser(senderId, null, null, null), at, text, attachments, location, unsupported);
    }
}
