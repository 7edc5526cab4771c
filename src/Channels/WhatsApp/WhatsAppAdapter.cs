using System.Globalization;
using System.Text.Json.Nodes;
using Inbox.Channels.Inbound;
using Inbox.Channels.Meta;
using Inbox.Channels.Webhooks;

namespace Inbox.Channels.WhatsApp;

/// <summary>
/// WhatsApp Business Cloud API webhooks (Meta's handshake and signature, see <see cref="MetaWebhooks"/>). One POST can
/// batch several entries and changes, each with inbound <c>messages</c>, <c>statuses</c> of sent messages, or
/// account-level <c>errors</c>; every item is mapped on its own.
/// </summary>
public sealed class WhatsAppAdapter : IChannelAdapter
{
    public const string PlatformName = "whatsapp";

    /// <summary>The setting naming the business phone number the channel sends from.</summary>
    public const string PhoneNumberIdField = "phoneNumberId";

    public string Platform => PlatformName;

    public IReadOnlyList<ChannelField> Fields { get; } =
    [
        new(PhoneNumberIdField, ChannelFieldKind.Setting, "The phone number id (WhatsApp Manager → API setup), not the phone number itself."),
        .. MetaWebhooks.CommonFields,
    ];

    public WebhookCheck Check(WebhookRequest request, IReadOnlyDictionary<string, string> credentials) => MetaWebhooks.Check(request, credentials);

    public bool RedeliversRefusalsForDays => true;

    public IReadOnlyList<InboundEvent> Parse(ReadOnlyMemory<byte> body)
    {
        var webhook = JsonBodies.Object(body, "WhatsApp");
        if ((string?)webhook["object"] != "whatsapp_business_account" || webhook["entry"] is not JsonArray)
        {
            throw new WebhookFormatException("The body is not a WhatsApp webhook: object must be 'whatsapp_business_account' with an entry array.");
        }

        var events = new List<InboundEvent>();
        foreach (var change in JsonBodies.Items(webhook, "entry").SelectMany(entry => JsonBodies.Items(entry, "changes")))
        {
            if ((string?)change["field"] != "messages" || change["value"] is not JsonObject value)
            {
                events.Add(new IgnoredEvent((string?)change["field"] ?? "change"));
                continue;
            }

            var names = JsonBodies.Items(value, "contacts")
                .Where(c => c["wa_id"] is not null)
                .ToDictionary(c => (string)c["wa_id"]!, c => (string?)c["profile"]?["name"]);
            events.AddRange(JsonBodies.Items(value, "messages").Select(m => JsonBodies.Safely<InboundEvent>(() => Message(m, names), () => new IgnoredEvent("malformed message"))));
            events.AddRange(JsonBodies.Items(value, "statuses").Select(s => JsonBodies.Safely<InboundEvent>(() => Status(s), () => new IgnoredEvent("malformed status"))));
            events.AddRange(JsonBodies.Items(value, "errors").Select(e => (InboundEvent)new ChannelProblemReported(Error(e))));
        }

        return events;
    }

    private static InboundMessage Message(JsonObject message, Dictionary<string, string?> names)
    {
        var from = (string?)message["from"] ?? throw new FormatException("A message has no sender.");
        var id = (string?)message["id"] ?? throw new FormatException("A message has no id.");
        var type = (string?)message["type"] ?? "unknown";
        var content = message[type] as JsonObject;
        var attachments = new List<InboundAttachment>();
        InboundLocation? location = null;
        string? text = null;
        string? unsupported = null;
        switch (type)
        {
            case "text":
                text = (string?)content?["body"];
                break;
            case "image" or "video" or "sticker" or "document" or "audio":
                var kind = type switch
                {
                    "image" => AttachmentKind.Image,
                    "video" => AttachmentKind.Video,
                    "sticker" => AttachmentKind.Sticker,
                    "document" => AttachmentKind.File,
                    _ => (bool?)content?["voice"] == true ? AttachmentKind.Voice : AttachmentKind.Audio,
                };
                var mediaId = (string?)content?["id"] ?? throw new FormatException("A media message has no media id.");
                attachments.Add(new InboundAttachment(kind, mediaId, (string?)content?["filename"], (string?)content?["mime_type"], null));
                text = (string?)content?["caption"];
                break;
            case "location":
                location = new InboundLocation((double)content!["latitude"]!, (double)content["longitude"]!, (string?)content["name"], (string?)content["address"]);
                break;
            case "interactive":
                // A pressed reply button or a picked list row: what the customer chose, as they saw it.
                text = (string?)(content?["button_reply"] ?? content?["list_reply"])?["title"];
                unsupported = text is null ? (string?)content?["type"] ?? type : null;
                break;
            case "button":
                text = (string?)content?["text"];
                break;
            case "reaction":
                text = (string?)content?["emoji"] is { Length: > 0 } emoji ? $"Reacted {emoji}" : "Removed a reaction";
                break;
            case "contacts":
                text = string.Join("\n", JsonBodies.Items(message, "contacts").Select(ContactCard));
                break;
            case "unsupported":
                unsupported = (string?)content?["type"] ?? "unsupported";
                break;
            default:
                unsupported = type;
                break;
        }

        var sentAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse((string?)message["timestamp"] ?? "0", CultureInfo.InvariantCulture));
        return new InboundMessage(id, from, new PlatformUser(from, names.GetValueOrDefault(from), null, null), sentAt, text, attachments, location, unsupported);
    }

    private static string ContactCard(JsonObject contact)
    {
        var name = (string?)contact["name"]?["formatted_name"] ?? "";
        var phones = JsonBodies.Items(contact, "phones").Select(p => (string?)p["phone"]).OfType<string>();
        return $"Shared contact: {name} {string.Join(", ", phones)}".Trim();
    }

    private static DeliveryStatusChanged Status(JsonObject status)
    {
        var id = (string?)status["id"] ?? throw new FormatException("A status has no message id.");
        var state = (string?)status["status"] switch
        {
            "sent" => DeliveryState.Sent,
            "delivered" => DeliveryState.Delivered,
            "read" or "played" => DeliveryState.Read,
            "failed" => DeliveryState.Failed,
            var other => throw new FormatException($"Unknown status '{other}'."),
        };
        var at = DateTimeOffset.FromUnixTimeSeconds(long.Parse((string?)status["timestamp"] ?? "0", CultureInfo.InvariantCulture));
        var error = JsonBodies.Items(status, "errors").Select(Error).FirstOrDefault();
        var recipient = (string?)status["recipient_id"] ?? throw new FormatException("A status names no recipient.");
        return new DeliveryStatusChanged(recipient, id, state, at, error);
    }

    private static PlatformError Error(JsonObject error) => new(
        error["code"]?.ToString() ?? "unknown",
        (string?)error["title"] ?? (string?)error["message"] ?? "Unknown error",
        (string?)error["error_data"]?["details"]);
}
