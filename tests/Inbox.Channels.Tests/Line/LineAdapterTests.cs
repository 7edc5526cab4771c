using System.Security.Cryptography;
using System.Text;
using Inbox.Channels.Inbound;
using Inbox.Channels.Line;
using Inbox.Channels.Webhooks;

namespace Inbox.Channels.Tests.Line;

/// <summary>LINE webhooks in the Messaging API's real format (ids invented) and the x-line-signature check.</summary>
public sealed class LineAdapterTests
{
    private const string Secret = "8c570fc8e4a5cexample0channel0secret";
    private const string User = "U4af4980629a1b2c3d4e5f60718293a4b";
    private static readonly Dictionary<string, string> Credentials = new() { [LineAdapter.ChannelSecretField] = Secret };
    private readonly LineAdapter _adapter = new();

    [Fact]
    public void A_body_signed_with_the_channel_secret_is_accepted_and_a_tampered_or_wrongly_signed_one_rejected()
    {
        var body = Webhook(Event("""{ "type": "text", "id": "468789577898262530", "text": "Hello" }"""));
        Assert.IsType<WebhookCheck.Accepted>(_adapter.Check(Request(body, Sign(body, Secret)), Credentials));

        var tampered = body.Replace("Hello", "Hellp", StringComparison.Ordinal);
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Request(tampered, Sign(body, Secret)), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Request(body, Sign(body, "another secret")), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Request(body, null), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Request(body, "not base64!"), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Request(body, Convert.ToBase64String(new byte[16])), Credentials));
    }

    [Fact]
    public void A_text_message_names_the_user_and_the_time()
    {
        var message = Single(Webhook(Event("""{ "type": "text", "id": "468789577898262530", "quoteToken": "q3Plxr4AgKdExampleQuoteToken", "text": "Hello, I need help with my booking" }""")));
        Assert.Equal(("468789577898262530", User, User), (message.ExternalId, message.ConversationKey, message.Sender.Id));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1692251666727), message.SentAt);
        Assert.Equal("Hello, I need help with my booking", message.Text);
    }

    [Theory]
    [InlineData("""{ "type": "image", "id": "354718705033693859", "contentProvider": { "type": "line" }, "imageSet": { "id": "E005D4", "index": 1, "total": 2 } }""", AttachmentKind.Image, "354718705033693859", null, null)]
    [InlineData("""{ "type": "audio", "id": "325708", "duration": 60000, "contentProvider": { "type": "line" } }""", AttachmentKind.Audio, "325708", null, null)]
    [InlineData("""{ "type": "file", "id": "325709", "fileName": "file.txt", "fileSize": 2138 }""", AttachmentKind.File, "325709", "file.txt", 2138L)]
    [InlineData("""{ "type": "video", "id": "325711", "duration": 60000, "contentProvider": { "type": "external", "originalContentUrl": "https://example.com/original.mp4", "previewImageUrl": "https://example.com/preview.jpg" } }""", AttachmentKind.Video, "325711", null, null)]
    [InlineData("""{ "type": "sticker", "id": "325712", "packageId": "1", "stickerId": "2", "stickerResourceType": "STATIC" }""", AttachmentKind.Sticker, "1:2", null, null)]
    public void A_file_message_carries_one_attachment_fetched_by_message_id(string message, AttachmentKind kind, string mediaId, string? fileName, long? size) =>
        Assert.Equal(new InboundAttachment(kind, mediaId, fileName, null, size), Assert.Single(Single(Webhook(Event(message))).Attachments));

    [Fact]
    public void A_location_becomes_a_place()
    {
        var message = Single(Webhook(Event("""{ "type": "location", "id": "325710", "title": "my location", "address": "1-3 Kioicho, Chiyoda-ku, Tokyo", "latitude": 35.67966, "longitude": 139.73669 }""")));
        Assert.Equal(new InboundLocation(35.67966, 139.73669, "my location", "1-3 Kioicho, Chiyoda-ku, Tokyo"), message.Location);
    }

    [Fact]
    public void A_message_in_a_group_is_answered_in_the_group()
    {
        var body = Webhook(Event("""{ "type": "text", "id": "1", "text": "hi all" }""", """{ "type": "group", "groupId": "Ca56f94637cc4347f90a25382909b24b9", "userId": "U4af4980629a1b2c3d4e5f60718293a4b" }"""));
        var message = Single(body);
        Assert.Equal(("Ca56f94637cc4347f90a25382909b24b9", User), (message.ConversationKey, message.Sender.Id));
    }

    [Fact]
    public void Unfollow_and_follow_change_reachability_and_other_events_are_ignored()
    {
        var events = _adapter.Parse(Bytes(Webhook(
            """{ "type": "unfollow", "mode": "active", "timestamp": 1692251666727, "source": { "type": "user", "userId": "U4af4980629a1b2c3d4e5f60718293a4b" }, "webhookEventId": "01H810YECXQQZ37VAXPF6H9E6U", "deliveryContext": { "isRedelivery": false } }""",
            """{ "type": "follow", "mode": "active", "timestamp": 1692251666728, "source": { "type": "user", "userId": "U4af4980629a1b2c3d4e5f60718293a4b" }, "webhookEventId": "01H810YECXQQZ37VAXPF6H9E6V", "deliveryContext": { "isRedelivery": false }, "replyToken": "abc" }""",
            """{ "type": "unsend", "mode": "active", "timestamp": 1692251666729, "source": { "type": "user", "userId": "U4af4980629a1b2c3d4e5f60718293a4b" }, "unsend": { "messageId": "325708" }, "webhookEventId": "01H810YECXQQZ37VAXPF6H9E6W", "deliveryContext": { "isRedelivery": false } }""")));

        Assert.Equal(
            [
                new ReachabilityChanged(User, true, DateTimeOffset.FromUnixTimeMilliseconds(1692251666727)),
                new ReachabilityChanged(User, false, DateTimeOffset.FromUnixTimeMilliseconds(1692251666728)),
                new IgnoredEvent("unsend"),
            ],
            events);
    }

    [Fact]
    public void An_unknown_message_type_is_kept_as_unsupported_and_a_malformed_event_never_loses_its_neighbours()
    {
        var events = _adapter.Parse(Bytes(Webhook(
            Event("""{ "type": "hologram", "id": "9001" }"""),
            Event("""{ "type": "location", "id": "9002", "latitude": "north" }"""),
            Event("""{ "type": "text", "id": "9003", "text": "still here" }"""))));

        Assert.Equal("hologram", Assert.IsType<InboundMessage>(events[0]).Unsupported);
        Assert.IsType<IgnoredEvent>(events[1]);
        Assert.Equal("still here", Assert.IsType<InboundMessage>(events[2]).Text);
    }

    [Fact]
    public void The_console_verify_request_has_no_events_and_a_body_without_an_events_array_is_a_format_error()
    {
        Assert.Empty(_adapter.Parse(Bytes("""{ "destination": "U0123456789abcdef0123456789abcdef", "events": [] }""")));
        Assert.Throws<WebhookFormatException>(() => _adapter.Parse(Bytes("""{ "destination": "U0123456789abcdef0123456789abcdef" }""")));
        Assert.Throws<WebhookFormatException>(() => _adapter.Parse(Bytes("not json")));
        Assert.Throws<WebhookFormatException>(() => _adapter.Parse(Bytes("[]")));
    }

    private InboundMessage Single(string body) => Assert.IsType<InboundMessage>(Assert.Single(_adapter.Parse(Bytes(body))));

    private static string Event(string message, string source = """{ "type": "user", "userId": "U4af4980629a1b2c3d4e5f60718293a4b" }""") => $$"""
        { "type": "message", "message": {{message}}, "webhookEventId": "01H810YECXQQZ37VAXPF6H9E6T", "deliveryContext": { "isRedelivery": false },
          "timestamp": 1692251666727, "source": {{source}}, "replyToken": "38ef843bde154d9b91c21320ffd17a0f", "mode": "active" }
        """;

    private static string Webhook(params string[] events) =>
        $$"""{ "destination": "U0123456789abcdef0123456789abcdef", "events": [ {{string.Join(", ", events)}} ] }""";

    private static string Sign(string body, string secret) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static WebhookRequest Request(string body, string? signature) => new(
        "POST",
        name => string.Equals(name, LineAdapter.SignatureHeader, StringComparison.OrdinalIgnoreCase) ? signature : null,
        _ => null,
        Bytes(body));
}
