using System.Globalization;
using System.Text.Json.Nodes;
using Inbox.Channels.Inbound;
using Inbox.Channels.Meta;
using Inbox.Channels.Webhooks;

namespace Inbox.Channels.Messenger;

/// <summary>
/// Facebook Messenger (<c>object: page</c>) and Instagram messaging (<c>object: instagram</c>) webhooks: one format,
/// Meta's handshake and signature. Each <c>entry[].messaging[]</c> item is a message, a delivery or read receipt, a
/// postback, a reaction or an event the inbox ignores; each is mapped on its own.
/// </summary>
public sealed class MessengerAdapter : IChannelAdapter
{
    private readonly string _object;

    private MessengerAdapter(string platform, string envelopeObject, ChannelField account) =>
        (Platform, _object, Fields) = (platform, envelopeObject, [account, .. MetaWebhooks.CommonFields]);

    /// <summary>The setting naming the Facebook Page (Messenger) or Instagram professional account the channel answers as.</summary>
    public const string AccountIdField = "accountId";

    /// <summary>Facebook Messenger: customers are Page-scoped ids (PSIDs).</summary>
    public static MessengerAdapter Messenger { get; } = new("messenger", "page", new(AccountIdField, ChannelFieldKind.Setting, "The Facebook Page's id (Page → About → Page transparency)."));

    /// <summary>Instagram messaging: customers are Instagram-scoped ids (IGSIDs).</summary>
    public static MessengerAdapter Instagram { get; } = new("instagram", "instagram", new(AccountIdField, ChannelFieldKind.Setting, "The Instagram professional account's id (its IG user id)."));

    public string Platform { get; }

    public IReadOnlyList<ChannelField> Fields { get; }

    public WebhookCheck Check(WebhookRequest request, IReadOnlyDictionary<string, string> credentials) => MetaWebhooks.Check(request, credentials);

    public bool RedeliversRefusalsForDays => true;

    public IReadOnlyList<InboundEvent> Parse(ReadOnlyMemory<byte> body)
    {
        var webhook = JsonBodies.Object(body, Platform);
        if ((string?)webhook["object"] != _object || webhook["entry"] is not JsonArray)
        {
            throw new WebhookFormatException($"The body is not a {Platform} webhook: object must be '{_object}' with an entry array.");
        }

        var events = new List<InboundEvent>();
        foreach (var entry in JsonBodies.Items(webhook, "entry"))
        {
            events.AddRange(JsonBodies.Items(entry, "messaging").SelectMany(item => JsonBodies.Safely(() => Map(item), () => [new IgnoredEvent("malformed messaging item")])));

            // Under the Handover Protocol another app owns the thread: what it sees is not ours to act on.
            events.AddRange(JsonBodies.Items(entry, "standby").Select(_ => new IgnoredEvent("standby")));
        }

        return events;
    }

    private static IEnumerable<InboundEvent> Map(JsonObject item)
    {
        var customer = (string?)item["sender"]?["id"] ?? throw new FormatException("A messaging item has no sender.");
        var at = DateTimeOffset.FromUnixTimeMilliseconds((long?)item["timestamp"] ?? 0);
        var sender = new PlatformUser(customer, null, null, null);
        if (item["message"] is JsonObject message)
        {
            return (bool?)message["is_echo"] == true ? [new IgnoredEvent("echo")]
                : (bool?)message["is_deleted"] == true ? [new IgnoredEvent("deleted")]
                : [Message(message, sender, at)];
        }

        if (item["delivery"] is JsonObject delivery)
        {
            return Receipt(delivery, customer, DeliveryState.Delivered, at);
        }

        if (item["read"] is JsonObject read)
        {
            return Receipt(read, customer, DeliveryState.Read, at);
        }

        if (item["postback"] is JsonObject postback)
        {
            var title = (string?)postback["title"] ?? (string?)postback["payload"];
            var postbackId = (string?)postback["mid"] ?? string.Create(CultureInfo.InvariantCulture, $"postback:{customer}:{at.ToUnixTimeMilliseconds()}");
            return [new InboundMessage(postbackId, customer, sender, at, title, [], null, null)];
        }

        if (item["reaction"] is JsonObject reaction)
        {
            var text = (string?)reaction["action"] == "unreact" ? "Removed a reaction" : $"Reacted {(string?)reaction["emoji"] ?? (string?)reaction["reaction"]}";
            var reactionId = string.Create(CultureInfo.InvariantCulture, $"reaction:{(string?)reaction["mid"]}:{at.ToUnixTimeMilliseconds()}");
            return [new InboundMessage(reactionId, customer, sender, at, text, [], null, null)];
        }

        return [new IgnoredEvent(item.Select(p => p.Key).FirstOrDefault(k => k is not ("sender" or "recipient" or "timestamp")) ?? "unknown")];
    }

    private static InboundMessage Message(JsonObject message, PlatformUser sender, DateTimeOffset at)
    {
        var mid = (string?)message["mid"] ?? throw new FormatException("A message has no mid.");
        var attachments = new List<InboundAttachment>();
        InboundLocation? location = null;
        string? unsupported = (bool?)message["is_unsupported"] == true ? "unsupported" : null;
        var text = (string?)message["text"];
        foreach (var attachment in JsonBodies.Items(message, "attachments"))
        {
            var type = (string?)attachment["type"];
            var payload = attachment["payload"] as JsonObject;
            var url = (string?)payload?["url"];
            var isSticker = payload?["sticker_id"] is not null;
            var coordinates = payload?["coordinates"] as JsonObject;
            switch (type)
            {
                case "image" when isSticker && url is not null:
                    attachments.Add(new InboundAttachment(AttachmentKind.Sticker, url, null, null, null));
                    break;
                case "image" or "audio" or "video" or "file" when url is not null:
                    var kind = type switch { "image" => AttachmentKind.Image, "audio" => AttachmentKind.Audio, "video" => AttachmentKind.Video, _ => AttachmentKind.File };
                    attachments.Add(new InboundAttachment(kind, url, null, null, null));
                    break;
                case "location" when coordinates is not null:
                    location = new InboundLocation((double)coordinates["lat"]!, (double)coordinates["long"]!, (string?)attachment["title"], null);
                    break;
                case "fallback":
                    // A shared link: its title and address are what the customer sent.
                    text ??= string.Join(' ', new[] { (string?)attachment["title"], url }.Where(p => !string.IsNullOrEmpty(p)));
                    break;
                default:
                    unsupported ??= type ?? "attachment";
                    break;
            }
        }

        // Attachments are fetched from their (expiring) CDN URL rather than by id: Messenger gives no media id.
        return new InboundMessage(mid, sender.Id, sender, at, text, attachments, location, attachments.Count == 0 && text is null && location is null ? unsupported ?? "empty" : unsupported);
    }

    // A receipt names message ids, or only a watermark: everything sent to the customer up to it.
    private static IEnumerable<InboundEvent> Receipt(JsonObject receipt, string customer, DeliveryState state, DateTimeOffset at)
    {
        var mids = (receipt["mids"] as JsonArray)?.Select(m => (string?)m).OfType<string>().ToList() ?? [];
        if ((string?)receipt["mid"] is { } single)
        {
            mids.Add(single);
        }

        if (mids.Count > 0)
        {
            return mids.Select(mid => new DeliveryStatusChanged(customer, mid, state, at, null));
        }

        var watermark = (long?)receipt["watermark"] ?? throw new FormatException("A receipt names no message and no watermark.");
        return [new DeliveryWatermark(customer, state, DateTimeOffset.FromUnixTimeMilliseconds(watermark))];
    }
}
