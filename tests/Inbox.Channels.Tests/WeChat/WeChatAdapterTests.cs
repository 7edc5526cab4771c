using System.Text;
using Inbox.Channels.Inbound;
using Inbox.Channels.WeChat;
using Inbox.Channels.Webhooks;

namespace Inbox.Channels.Tests.WeChat;

/// <summary>WeChat Official Account server messages in the real XML format (ids invented) and the query signature.</summary>
public sealed class WeChatAdapterTests
{
    private const string Token = "exampletoken";
    private const string OpenId = "oExampleOpenId_Abc123XyZ456";
    private static readonly Dictionary<string, string> Credentials = new() { [WeChatAdapter.TokenField] = Token };
    private readonly WeChatAdapter _adapter = new();

    [Fact]
    public void The_signature_matches_the_documented_vector()
    {
        Assert.Equal("8cbbeaf4c7d61345382b03c4f4f8c65bed66a396", WeChatAdapter.Signature(Token, "1714550400", "1234567890"));
    }

    [Fact]
    public void The_server_verification_echoes_echostr_verbatim_only_with_the_right_signature()
    {
        Assert.Equal(new WebhookCheck.Challenge("5837397749123456789", "text/plain"), _adapter.Check(Get("8cbbeaf4c7d61345382b03c4f4f8c65bed66a396", "5837397749123456789"), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Get("8cbbeaf4c7d61345382b03c4f4f8c65bed66a397", "5837397749123456789"), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Get("8cbbeaf4c7d61345382b03c4f4f8c65bed66a396", "5837397749123456789"), new Dictionary<string, string> { [WeChatAdapter.TokenField] = "another" }));
    }

    [Fact]
    public void Every_message_post_is_signed_the_same_way_and_safe_mode_is_refused_with_a_reason()
    {
        var signature = WeChatAdapter.Signature(Token, "1714550460", "987654321");
        Assert.IsType<WebhookCheck.Accepted>(_adapter.Check(Post(signature, "1714550460", "987654321"), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Post(signature, "1714550461", "987654321"), Credentials));
        Assert.IsType<WebhookCheck.Rejected>(_adapter.Check(Post(null, "1714550460", "987654321"), Credentials));
        var safeMode = _adapter.Check(Post(signature, "1714550460", "987654321", encrypted: true), Credentials);
        Assert.Contains("plaintext mode", Assert.IsType<WebhookCheck.Rejected>(safeMode).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_message_comes_from_the_openid_with_its_msgid()
    {
        var message = Single(Message("text", "<Content><![CDATA[你好，我的订单还没到]]></Content>", "24512345678901234"));
        Assert.Equal(("24512345678901234", OpenId, OpenId), (message.ExternalId, message.ConversationKey, message.Sender.Id));
        Assert.Equal("你好，我的订单还没到", message.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1714550460), message.SentAt);
    }

    [Theory]
    [InlineData("image", "<PicUrl><![CDATA[http://mmbiz.qpic.cn/mmbiz_jpg/EXAMPLE/0]]></PicUrl><MediaId><![CDATA[SRazYKH_aw5nACnUdjwexDcc9WmPAuJVV8_EXAMPLE]]></MediaId>", AttachmentKind.Image, "SRazYKH_aw5nACnUdjwexDcc9WmPAuJVV8_EXAMPLE", "image/jpeg")]
    [InlineData("voice", "<MediaId><![CDATA[media_id_EXAMPLE]]></MediaId><Format><![CDATA[amr]]></Format>", AttachmentKind.Voice, "media_id_EXAMPLE", "audio/amr")]
    [InlineData("video", "<MediaId><![CDATA[video_media_EXAMPLE]]></MediaId><ThumbMediaId><![CDATA[thumb_EXAMPLE]]></ThumbMediaId>", AttachmentKind.Video, "video_media_EXAMPLE", "video/mp4")]
    [InlineData("shortvideo", "<MediaId><![CDATA[short_media_EXAMPLE]]></MediaId><ThumbMediaId><![CDATA[thumb_EXAMPLE]]></ThumbMediaId>", AttachmentKind.Video, "short_media_EXAMPLE", "video/mp4")]
    public void A_media_message_carries_its_media_id(string type, string fields, AttachmentKind kind, string mediaId, string mimeType) =>
        Assert.Equal(new InboundAttachment(kind, mediaId, null, mimeType, null), Assert.Single(Single(Message(type, fields, "24512345678901235")).Attachments));

    [Fact]
    public void A_voice_note_brings_wechats_recognised_text_along()
    {
        var message = Single(Message("voice", "<MediaId><![CDATA[media_id_EXAMPLE]]></MediaId><Format><![CDATA[speex]]></Format><Recognition><![CDATA[语音识别结果]]></Recognition>", "24512345678901236"));
        Assert.Equal(("语音识别结果", "audio/speex"), (message.Text, message.Attachments.Single().MimeType));
    }

    [Fact]
    public void Places_and_links_become_what_an_agent_reads_and_unknown_types_are_unsupported()
    {
        Assert.Equal(
            new InboundLocation(23.134521, 113.358803, "广州市天河区", null),
            Single(Message("location", "<Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label><![CDATA[广州市天河区]]></Label>", "1")).Location);
        Assert.Equal(
            "Order status https://example.com/order/42",
            Single(Message("link", "<Title><![CDATA[Order status]]></Title><Description><![CDATA[Your order]]></Description><Url><![CDATA[https://example.com/order/42]]></Url>", "2")).Text);
        Assert.Equal("miniprogrampage", Single(Message("miniprogrampage", "<Title><![CDATA[x]]></Title>", "3")).Unsupported);
    }

    [Fact]
    public void Subscribe_and_unsubscribe_change_reachability_and_menu_clicks_are_ignored()
    {
        static string Event(string name) => $"<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><FromUserName><![CDATA[{OpenId}]]></FromUserName><CreateTime>1714550500</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{name}]]></Event><EventKey><![CDATA[MENU_1]]></EventKey></xml>";

        Assert.Equal(new ReachabilityChanged(OpenId, true, DateTimeOffset.FromUnixTimeSeconds(1714550500)), Assert.Single(_adapter.Parse(Bytes(Event("unsubscribe")))));
        Assert.Equal(new ReachabilityChanged(OpenId, false, DateTimeOffset.FromUnixTimeSeconds(1714550500)), Assert.Single(_adapter.Parse(Bytes(Event("subscribe")))));
        Assert.Equal(new IgnoredEvent("CLICK"), Assert.Single(_adapter.Parse(Bytes(Event("CLICK")))));
    }

    [Theory]
    [InlineData("not xml")]
    [InlineData("{ \"json\": true }")]
    [InlineData("<xml><MsgType>text</MsgType></xml>")]
    [InlineData("<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><FromUserName>&x;</FromUserName><MsgType>text</MsgType></xml>")]
    public void A_body_that_is_not_a_wechat_message_is_a_format_error_and_entities_are_never_expanded(string body) =>
        Assert.Throws<WebhookFormatException>(() => _adapter.Parse(Bytes(body)));

    [Fact]
    public void A_message_missing_its_media_id_is_ignored_rather_than_failing()
    {
        Assert.IsType<IgnoredEvent>(Assert.Single(_adapter.Parse(Bytes(Message("image", "<PicUrl><![CDATA[http://x]]></PicUrl>", "9")))));
    }

    private InboundMessage Single(string xml) => Assert.IsType<InboundMessage>(Assert.Single(_adapter.Parse(Bytes(xml))));

    private static string Message(string type, string fields, string msgId) =>
        $"<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><FromUserName><![CDATA[{OpenId}]]></FromUserName><CreateTime>1714550460</CreateTime><MsgType><![CDATA[{type}]]></MsgType>{fields}<MsgId>{msgId}</MsgId></xml>";

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static WebhookRequest Get(string signature, string echo) => new(
        "GET",
        _ => null,
        name => name switch { "signature" => signature, "timestamp" => "1714550400", "nonce" => "1234567890", "echostr" => echo, _ => null },
        ReadOnlyMemory<byte>.Empty);

    private static WebhookRequest Post(string? signature, string timestamp, string nonce, bool encrypted = false) => new(
        "POST",
        _ => null,
        name => name switch { "signature" => signature, "timestamp" => timestamp, "nonce" => nonce, "openid" => OpenId, "encrypt_type" => encrypted ? "aes" : null, _ => null },
        Bytes("<xml/>"));
}
