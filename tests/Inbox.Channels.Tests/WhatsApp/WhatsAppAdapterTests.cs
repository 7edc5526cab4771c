using System.Security.Cryptography;
using System.Text;
using Inbox.Channels.Inbound;
using Inbox.Channels.Meta;
using Inbox.Channels.Webhooks;
using Inbox.Channels.WhatsApp;

namespace Inbox.Channels.Tests.WhatsApp;

/// <summary>WhatsApp Cloud API webhooks in Meta's real format (ids invented): handshake, signature, messages, statuses, errors.</summary>
public sealed class WhatsAppAdapterTests
{
    private const string AppSecret = "3a7c0e9b5d1f4example0app0secret";
    private const string VerifyToken = "my-verify-token-42";
    private const string Customer = "16505551234";
    private static readonly Dictionary<string, string> Credentials = new() { [MetaWebhooks.AppSecretField] = AppSecret, [MetaWebhooks.VerifyTokenField] = VerifyToken };
    private readonly WhatsAppAdapter _adapter = new();

    [Fact]
    public void The_handshake_echoes_the_challenge_as_plain_text_only_for_the_right_verify_token()
    {
        Assert.Equal(new WebhookCheck.Challenge("1158201444", "text/plain"), _adapter.Check(Handshake("subscribe", VerifyToken, "1158201444"), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Handshake("subscribe", "wrong-token", "1158201444"), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Handshake("unsubscribe", VerifyToken, "1158201444"), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Handshake("subscribe", VerifyToken, null), Credentials));
    }

    [Fact]
    public void A_body_signed_with_the_app_secret_is_accepted_over_its_raw_bytes_and_anything_else_rejected()
    {
        // Meta escapes non-ASCII as \u00e9: the signature is over those bytes, never over a re-encoded body.
        var body = Webhook(Messages("""{ "from": "16505551234", "id": "wamid.A1", "timestamp": "1749416383", "type": "text", "text": { "body": "Caf\u00e9 ol\u00e9" } }"""));
        Assert.IsType<WebhookCheck.Accepted>(_adapter.Check(Post(body, Sign(body, AppSecret)), Credentials));
        Assert.Equal("Café olé", Message(body).Text);

        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Post(body.Replace("wamid.A1", "wamid.A2", StringComparison.Ordinal), Sign(body, AppSecret)), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Post(body, Sign(body, "another secret")), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Post(body, null), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Post(body, "sha1=abc"), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Post(body, "sha256=not-hex"), Credentials));
    }

    [Fact]
    public void A_text_message_names_the_customer_from_the_contacts_list()
    {
        var message = Message(Webhook(Messages("""{ "from": "16505551234", "id": "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUZBS0VJREVYQU1QTEUwMDAxAA==", "timestamp": "1749416383", "type": "text", "text": { "body": "Does it come in another color?" } }""")));
        Assert.Equal(("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUZBS0VJREVYQU1QTEUwMDAxAA==", Customer), (message.ExternalId, message.ConversationKey));
        Assert.Equal(new PlatformUser(Customer, "Sheena Nelson", null, null), message.Sender);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1749416383), message.SentAt);
        Assert.Equal("Does it come in another color?", message.Text);
    }

    [Theory]
    [InlineData("""{ "type": "image", "image": { "caption": "Broken part", "mime_type": "image/jpeg", "sha256": "abc", "id": "1003383421387256" } }""", AttachmentKind.Image, "1003383421387256", null, "image/jpeg", "Broken part")]
    [InlineData("""{ "type": "audio", "audio": { "mime_type": "audio/ogg; codecs=opus", "sha256": "abc", "id": "1003383421387257", "voice": true } }""", AttachmentKind.Voice, "1003383421387257", null, "audio/ogg; codecs=opus", null)]
    [InlineData("""{ "type": "audio", "audio": { "mime_type": "audio/mpeg", "sha256": "abc", "id": "1003383421387259" } }""", AttachmentKind.Audio, "1003383421387259", null, "audio/mpeg", null)]
    [InlineData("""{ "type": "document", "document": { "caption": "Invoice", "filename": "invoice-0042.pdf", "mime_type": "application/pdf", "sha256": "abc", "id": "1003383421387258" } }""", AttachmentKind.File, "1003383421387258", "invoice-0042.pdf", "application/pdf", "Invoice")]
    [InlineData("""{ "type": "video", "video": { "mime_type": "video/mp4", "sha256": "abc", "id": "1003383421387260" } }""", AttachmentKind.Video, "1003383421387260", null, "video/mp4", null)]
    [InlineData("""{ "type": "sticker", "sticker": { "mime_type": "image/webp", "sha256": "abc", "id": "1003383421387261", "animated": false } }""", AttachmentKind.Sticker, "1003383421387261", null, "image/webp", null)]
    public void A_media_message_carries_its_media_id_type_and_caption(string content, AttachmentKind kind, string mediaId, string? fileName, string mimeType, string? caption)
    {
        var message = Message(Webhook(Messages(Wrap(content))));
        Assert.Equal(new InboundAttachment(kind, mediaId, fileName, mimeType, null), Assert.Single(message.Attachments));
        Assert.Equal(caption, message.Text);
    }

    [Theory]
    [InlineData("""{ "type": "location", "location": { "latitude": 37.44216251868683, "longitude": -122.16153582049394, "name": "Philz Coffee", "address": "101 Forest Ave, Palo Alto, CA 94301" } }""", null)]
    [InlineData("""{ "type": "interactive", "interactive": { "type": "button_reply", "button_reply": { "id": "yes-1", "title": "Yes, please" } } }""", "Yes, please")]
    [InlineData("""{ "type": "interactive", "interactive": { "type": "list_reply", "list_reply": { "id": "size-m", "title": "Medium", "description": "Fits most" } } }""", "Medium")]
    [InlineData("""{ "type": "button", "button": { "text": "Track my order", "payload": "TRACK" } }""", "Track my order")]
    [InlineData("""{ "type": "reaction", "reaction": { "message_id": "wamid.OUT1", "emoji": "👍" } }""", "Reacted 👍")]
    [InlineData("""{ "type": "contacts", "contacts": [ { "name": { "formatted_name": "Bruno Lima", "first_name": "Bruno" }, "phones": [ { "phone": "+55 11 99999-0000", "type": "CELL" } ] } ] }""", "Shared contact: Bruno Lima +55 11 99999-0000")]
    public void Places_replies_reactions_and_shared_contacts_become_what_an_agent_reads(string content, string? text)
    {
        var message = Message(Webhook(Messages(Wrap(content))));
        Assert.Equal(text, message.Text);
        Assert.Null(message.Unsupported);
        if (text is null)
        {
            Assert.Equal(new InboundLocation(37.44216251868683, -122.16153582049394, "Philz Coffee", "101 Forest Ave, Palo Alto, CA 94301"), message.Location);
        }
    }

    [Theory]
    [InlineData("""{ "type": "unsupported", "errors": [ { "code": 131051, "title": "Message type unknown" } ], "unsupported": { "type": "poll_update" } }""", "poll_update")]
    [InlineData("""{ "type": "order", "order": { "catalog_id": "1", "product_items": [] } }""", "order")]
    [InlineData("""{ "type": "hologram" }""", "hologram")]
    public void A_message_the_inbox_cannot_show_is_kept_as_unsupported(string content, string kind) =>
        Assert.Equal(kind, Message(Webhook(Messages(Wrap(content)))).Unsupported);

    [Theory]
    [InlineData("sent", DeliveryState.Sent)]
    [InlineData("delivered", DeliveryState.Delivered)]
    [InlineData("read", DeliveryState.Read)]
    [InlineData("played", DeliveryState.Read)]
    public void A_status_moves_a_sent_message_on(string status, DeliveryState state)
    {
        var body = Webhook($$"""
            "statuses": [ { "id": "wamid.OUT1", "status": "{{status}}", "timestamp": "1750857384", "recipient_id": "16505551234",
              "conversation": { "id": "a75d17ad", "origin": { "type": "service" } }, "pricing": { "billable": true, "pricing_model": "CBP", "category": "service" } } ]
            """);
        Assert.Equal(new DeliveryStatusChanged("16505551234", "wamid.OUT1", state, DateTimeOffset.FromUnixTimeSeconds(1750857384), null), Assert.Single(_adapter.Parse(Bytes(body))));
    }

    [Fact]
    public void A_failed_status_carries_the_platforms_error_and_an_account_error_is_a_channel_problem()
    {
        var failed = Assert.IsType<DeliveryStatusChanged>(Assert.Single(_adapter.Parse(Bytes(Webhook("""
            "statuses": [ { "id": "wamid.OUT2", "status": "failed", "timestamp": "1750860000", "recipient_id": "16505551234",
              "errors": [ { "code": 131047, "title": "Re-engagement message", "message": "Re-engagement message",
                "error_data": { "details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number." } } ] } ]
            """)))));
        Assert.Equal(DeliveryState.Failed, failed.Status);
        Assert.Equal(("131047", "Re-engagement message"), (failed.Error!.Code, failed.Error.Title));
        Assert.StartsWith("Message failed to send because more than 24 hours", failed.Error.Detail, StringComparison.Ordinal);

        var problem = Assert.IsType<ChannelProblemReported>(Assert.Single(_adapter.Parse(Bytes(Webhook("""
            "errors": [ { "code": 130429, "title": "Rate limit hit", "message": "Rate limit hit", "error_data": { "details": "Too many messages" } } ]
            """)))));
        Assert.Equal(new PlatformError("130429", "Rate limit hit", "Too many messages"), problem.Error);
    }

    [Fact]
    public void Every_entry_and_change_of_a_batch_is_read_and_a_malformed_item_never_loses_its_neighbours()
    {
        var value = """
            "messages": [
              { "from": "16505551234", "id": "wamid.B1", "timestamp": "1749416383", "type": "text", "text": { "body": "first" } },
              { "from": "16505551234", "id": "wamid.B2", "timestamp": "not a time", "type": "text", "text": { "body": "broken" } },
              { "from": "16505551234", "id": "wamid.B3", "timestamp": "1749416385", "type": "text", "text": { "body": "third" } } ]
            """;
        var body = $$"""
            { "object": "whatsapp_business_account", "entry": [
              { "id": "102290129340398", "changes": [ { "field": "messages", "value": { "messaging_product": "whatsapp", "metadata": { "phone_number_id": "106540352242922" }, {{value}} } } ] },
              { "id": "102290129340398", "changes": [ { "field": "account_update", "value": { "event": "VERIFIED_ACCOUNT" } },
                { "field": "messages", "value": { "messaging_product": "whatsapp", "statuses": [ { "id": "wamid.OUT9", "status": "read", "timestamp": "1750857390", "recipient_id": "16505551234" } ] } } ] } ] }
            """;

        var events = _adapter.Parse(Bytes(body));
        Assert.Equal(5, events.Count);
        Assert.Equal("first", Assert.IsType<InboundMessage>(events[0]).Text);
        Assert.IsType<IgnoredEvent>(events[1]);
        Assert.Equal("third", Assert.IsType<InboundMessage>(events[2]).Text);
        Assert.Equal(new IgnoredEvent("account_update"), events[3]);
        Assert.Equal(DeliveryState.Read, Assert.IsType<DeliveryStatusChanged>(events[4]).Status);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{ "object": "page", "entry": [] }""")]
    [InlineData("""{ "object": "whatsapp_business_account" }""")]
    public void A_body_that_is_not_a_whatsapp_webhook_is_a_format_error(string body) =>
        Assert.Throws<WebhookFormatException>(() => _adapter.Parse(Bytes(body)));

    private InboundMessage Message(string body) => Assert.IsType<InboundMessage>(Assert.Single(_adapter.Parse(Bytes(body))));

    private static string Wrap(string content) => "{ \"from\": \"16505551234\", \"id\": \"wamid.M1\", \"timestamp\": \"1749416400\", " + content.TrimStart()[1..];

    private static string Messages(string message) => $$"""
        "contacts": [ { "profile": { "name": "Sheena Nelson" }, "wa_id": "16505551234" } ], "messages": [ {{message}} ]
        """;

    private static string Webhook(string value) => $$"""
        { "object": "whatsapp_business_account", "entry": [ { "id": "102290129340398", "changes": [ { "field": "messages",
          "value": { "messaging_product": "whatsapp", "metadata": { "display_phone_number": "15550783881", "phone_number_id": "106540352242922" }, {{value}} } } ] } ] }
        """;

    private static string Sign(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static WebhookRequest Post(string body, string? signature) => new(
        "POST",
        name => string.Equals(name, MetaWebhooks.SignatureHeader, StringComparison.OrdinalIgnoreCase) ? signature : null,
        _ => null,
        Bytes(body));

    private static WebhookRequest Handshake(string mode, string token, string? challenge) => new(
        "GET",
        _ => null,
        name => name switch
        {
            "hub.mode" => mode,
            "hub.verify_token" => token,
            "hub.challenge" => challenge,
            _ => null,
        },
        ReadOnlyMemory<byte>.Empty);
}
