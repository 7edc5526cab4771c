using System.Security.Cryptography;
using System.Text;
using Inbox.Channels.Inbound;
using Inbox.Channels.Messenger;
using Inbox.Channels.Meta;
using Inbox.Channels.Webhooks;

namespace Inbox.Channels.Tests.Messenger;

/// <summary>Messenger and Instagram webhooks in the Messenger Platform's real format (ids invented).</summary>
public sealed class MessengerAdapterTests
{
    private const string AppSecret = "5b1d9e0c7a3f4example0meta0secret";
    private const string Psid = "6789012345678901";
    private static readonly Dictionary<string, string> Credentials = new() { [MetaWebhooks.AppSecretField] = AppSecret, [MetaWebhooks.VerifyTokenField] = "verify-me" };
    private readonly MessengerAdapter _messenger = MessengerAdapter.Messenger;

    [Fact]
    public void Meta_handshake_and_signature_apply_to_messenger_and_instagram_alike()
    {
        var handshake = new WebhookRequest("GET", _ => null, n => n switch { "hub.mode" => "subscribe", "hub.verify_token" => "verify-me", "hub.challenge" => "42", _ => null }, ReadOnlyMemory<byte>.Empty);
        Assert.Equal(new WebhookCheck.Challenge("42", "text/plain"), _messenger.Check(handshake, Credentials));
        Assert.Equal(new WebhookCheck.Challenge("42", "text/plain"), MessengerAdapter.Instagram.Check(handshake, Credentials));

        var body = Page(Item("""{ "message": { "mid": "m_1", "text": "hello" } }"""));
        Assert.IsType<WebhookCheck.Accepted>(_messenger.Check(Post(body, Sign(body)), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_messenger.Check(Post(body + " ", Sign(body)), Credentials));
    }

    [Fact]
    public void A_text_message_comes_from_the_page_scoped_id_at_its_millisecond_time()
    {
        var message = Single(Page(Item("""{ "message": { "mid": "m_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789EXAMPLE", "text": "hello, world!", "quick_reply": { "payload": "DEVELOPER_DEFINED_PAYLOAD" } } }""")));
        Assert.Equal(("m_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789EXAMPLE", Psid, "hello, world!"), (message.ExternalId, message.ConversationKey, message.Text));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1718000000000), message.SentAt);
    }

    [Theory]
    [InlineData("image", AttachmentKind.Image)]
    [InlineData("audio", AttachmentKind.Audio)]
    [InlineData("video", AttachmentKind.Video)]
    [InlineData("file", AttachmentKind.File)]
    public void An_attachment_is_fetched_from_its_url(string type, AttachmentKind kind)
    {
        var message = Single(Page(Item($$"""{ "message": { "mid": "m_2", "attachments": [ { "type": "{{type}}", "payload": { "url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1&signature=x" } } ] } }""")));
        Assert.Equal(new InboundAttachment(kind, "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1&signature=x", null, null, null), Assert.Single(message.Attachments));
        Assert.Null(message.Unsupported);
    }

    [Fact]
    public void Stickers_shared_links_places_and_unknown_attachments_are_each_what_an_agent_should_see()
    {
        Assert.Equal(AttachmentKind.Sticker, Single(Page(Item("""{ "message": { "mid": "m_3", "attachments": [ { "type": "image", "payload": { "url": "https://scontent.example/sticker.png", "sticker_id": 369239263222822 } } ] } }"""))).Attachments.Single().Kind);
        Assert.Equal("Our new store https://example.com/store", Single(Page(Item("""{ "message": { "mid": "m_4", "attachments": [ { "type": "fallback", "title": "Our new store", "payload": { "url": "https://example.com/store" } } ] } }"""))).Text);
        Assert.Equal(new InboundLocation(52.52, 13.405, "Pinned location", null), Single(Page(Item("""{ "message": { "mid": "m_5", "attachments": [ { "type": "location", "title": "Pinned location", "payload": { "coordinates": { "lat": 52.52, "long": 13.405 } } } ] } }"""))).Location);
        Assert.Equal("ig_reel", Single(Page(Item("""{ "message": { "mid": "m_6", "attachments": [ { "type": "ig_reel", "payload": { "reel_video_id": "123" } } ] } }"""))).Unsupported);
    }

    [Fact]
    public void Receipts_name_message_ids_or_only_a_watermark()
    {
        var events = _messenger.Parse(Bytes(Page(
            Item("""{ "delivery": { "mids": ["m_OUT1", "m_OUT2"], "watermark": 1458668856253 } }"""),
            Item("""{ "read": { "watermark": 1458668856999 } }"""))));

        Assert.Equal(
            [
                new DeliveryStatusChanged(Psid, "m_OUT1", DeliveryState.Delivered, DateTimeOffset.FromUnixTimeMilliseconds(1718000000000), null),
                new DeliveryStatusChanged(Psid, "m_OUT2", DeliveryState.Delivered, DateTimeOffset.FromUnixTimeMilliseconds(1718000000000), null),
                new DeliveryWatermark(Psid, DeliveryState.Read, DateTimeOffset.FromUnixTimeMilliseconds(1458668856999)),
            ],
            events);
    }

    [Fact]
    public void Postbacks_and_reactions_are_messages_and_echoes_referrals_and_standby_are_ignored()
    {
        var events = _messenger.Parse(Bytes(Page(
            Item("""{ "postback": { "title": "Talk to a person", "payload": "HUMAN", "mid": "m_PB1" } }"""),
            Item("""{ "reaction": { "reaction": "love", "emoji": "❤️", "action": "react", "mid": "m_OUT1" } }"""),
            Item("""{ "message": { "mid": "m_ECHO", "is_echo": true, "app_id": 1517776481860111, "text": "our own reply" } }"""),
            Item("""{ "referral": { "ref": "summer-sale", "source": "SHORTLINK", "type": "OPEN_THREAD" } }"""))));

        Assert.Equal(("m_PB1", "Talk to a person"), (Assert.IsType<InboundMessage>(events[0]).ExternalId, ((InboundMessage)events[0]).Text));
        Assert.Equal("Reacted ❤️", Assert.IsType<InboundMessage>(events[1]).Text);
        Assert.Equal([new IgnoredEvent("echo"), new IgnoredEvent("referral")], events.Skip(2));
    }

    [Fact]
    public void Instagram_reads_its_own_envelope_and_refuses_a_page_one()
    {
        var instagram = """
            { "object": "instagram", "entry": [ { "id": "17841400000000001", "time": 1718000100456, "messaging": [
              { "sender": { "id": "1535148674817116" }, "recipient": { "id": "17841400000000001" }, "timestamp": 1718000100000,
                "message": { "mid": "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOkVYQU1QTEU=", "text": "is this still available?" } } ] } ] }
            """;
        var message = Assert.IsType<InboundMessage>(Assert.Single(MessengerAdapter.Instagram.Parse(Bytes(instagram))));
        Assert.Equal(("1535148674817116", "is this still available?"), (message.ConversationKey, message.Text));

        Assert.Throws<WebhookFormatException>(() => MessengerAdapter.Instagram.Parse(Bytes(Page(Item("""{ "message": { "mid": "m_1", "text": "hi" } }""")))));
        Assert.Throws<WebhookFormatException>(() => _messenger.Parse(Bytes(instagram)));
    }

    [Fact]
    public void A_malformed_item_never_loses_its_neighbours()
    {
        var events = _messenger.Parse(Bytes(Page(
            Item("""{ "message": { "text": "no mid" } }"""),
            Item("""{ "message": { "mid": "m_OK", "text": "fine" } }"""))));
        Assert.IsType<IgnoredEvent>(events[0]);
        Assert.Equal("fine", Assert.IsType<InboundMessage>(events[1]).Text);
    }

    private InboundMessage Single(string body) => Assert.IsType<InboundMessage>(Assert.Single(_messenger.Parse(Bytes(body))));

    private static string Item(string content) =>
        "{ \"sender\": { \"id\": \"6789012345678901\" }, \"recipient\": { \"id\": \"682498302938465\" }, \"timestamp\": 1718000000000, " + content.TrimStart()[1..];

    private static string Page(params string[] items) =>
        $$"""{ "object": "page", "entry": [ { "id": "682498302938465", "time": 1718000000321, "messaging": [ {{string.Join(", ", items)}} ] } ] }""";

    private static string Sign(string body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), Encoding.UTF8.GetBytes(body)));

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static WebhookRequest Post(string body, string signature) =>
        new("POST", name => string.Equals(name, MetaWebhooks.SignatureHeader, StringComparison.OrdinalIgnoreCase) ? signature : null, _ => null, Bytes(body));
}
