using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Inbox.Channels.Inbound;
using Inbox.Channels.Webhooks;

namespace Inbox.Channels.WeChat;

/// <summary>
/// WeChat Official Account server messages (plaintext mode): every request, the GET verification included, carries
/// <c>signature = sha1(sorted(token, timestamp, nonce))</c> in the query; the GET is answered with <c>echostr</c>
/// verbatim. Bodies are XML, read with DTDs prohibited (no entity tricks). The 5-second rule is the gateway's:
/// answer <c>success</c> once stored and reply later through the customer-service API.
/// </summary>
public sealed class WeChatAdapter : IChannelAdapter
{
    public const string PlatformName = "wechat";

    /// <summary>The credential field holding the Token typed into the official account's server configuration.</summary>
    public const string TokenField = "token";

    private static readonly XmlReaderSettings SafeXml = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>The setting holding the official account's AppID.</summary>
    public const string AppIdField = "appId";

    /// <summary>The credential field holding the AppSecret that buys access tokens.</summary>
    public const string AppSecretField = "appSecret";

    public string Platform => PlatformName;

    public IReadOnlyList<ChannelField> Fields { get; } =
    [
        new(AppIdField, ChannelFieldKind.Setting, "The AppID (Official Account Platform → Settings and development → Basic configuration)."),
        new(AppSecretField, ChannelFieldKind.Secret, "The AppSecret from the same page; the inbox buys access tokens with it."),
        new(TokenField, ChannelFieldKind.Generated, "Paste into 'Token' in the server configuration, with the webhook URL as the server URL, plaintext mode."),
    ];

    // WeChat redelivers unless the answer is "success" or empty; "success" also says no passive reply follows.
    public string Acknowledgement => "success";

    public WebhookCheck Check(WebhookRequest request, IReadOnlyDictionary<string, string> credentials)
    {
        if (!credentials.TryGetValue(TokenField, out var token) || token.Length == 0)
        {
            return new WebhookCheck.Rejected("The channel has no WeChat token.");
        }

        if (request.Query("signature") is not { } signature || request.Query("timestamp") is not { } timestamp || request.Query("nonce") is not { } nonce)
        {
            return new WebhookCheck.Rejected("signature, timestamp and nonce are required in the query.");
        }

        if (request.Query("encrypt_type") is "aes")
        {
            return new WebhookCheck.Rejected("Safe (encrypted) mode is not supported yet: set the official account to plaintext mode.");
        }

        if (!Secrets.Match(signature, Signature(token, timestamp, nonce)))
        {
            return new WebhookCheck.Rejected("The signature does not match the channel's token.");
        }

        if (!string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return WebhookCheck.Accept;
        }

        return request.Query("echostr") is { Length: > 0 } echo
            ? new WebhookCheck.Challenge(echo, "text/plain")
            : new WebhookCheck.Rejected("echostr is missing.");
    }

    /// <summary>WeChat's signature: the parts sorted ordinally, concatenated, SHA-1, lower-case hex.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "SHA-1 is WeChat's protocol, not our choice.")]
    public static string Signature(params string[] parts)
    {
        var sorted = parts.Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }

    public IReadOnlyList<InboundEvent> Parse(ReadOnlyMemory<byte> body)
    {
        XElement xml;
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, SafeXml);
            xml = XElement.Load(reader);
        }
        catch (XmlException e)
        {
            throw new WebhookFormatException("The body is not WeChat XML: " + e.Message, e);
        }

        if (xml.Name != "xml" || Field(xml, "FromUserName") is not { Length: > 0 } openId || Field(xml, "MsgType") is not { } type)
        {
            throw new WebhookFormatException("The body is not a WeChat message: it needs <xml> with FromUserName and MsgType.");
        }

        var at = DateTimeOffset.FromUnixTimeSeconds(long.TryParse(Field(xml, "CreateTime"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0);
        return [JsonBodies.Safely<InboundEvent>(() => Map(xml, type, openId, at), () => new IgnoredEvent("malformed " + type))];
    }

    private static InboundEvent Map(XElement xml, string type, string openId, DateTimeOffset at)
    {
        if (type == "event")
        {
            return Field(xml, "Event") switch
            {
                "subscribe" => new ReachabilityChanged(openId, false, at),
                "unsubscribe" => new ReachabilityChanged(openId, true, at),
                var other => new IgnoredEvent(other ?? "event"),
            };
        }

        var id = Field(xml, "MsgId") ?? throw new FormatException("A message has no MsgId.");
        var attachments = new List<InboundAttachment>();
        InboundLocation? location = null;
        string? text = null;
        string? unsupported = null;
        switch (type)
        {
            case "text":
                text = Field(xml, "Content");
                break;
            case "image":
                attachments.Add(new InboundAttachment(AttachmentKind.Image, Required(xml, "MediaId"), null, "image/jpeg", null));
                break;
            case "voice":
                attachments.Add(new InboundAttachment(AttachmentKind.Voice, Required(xml, "MediaId"), null, "audio/" + (Field(xml, "Format") ?? "amr"), null));

                // WeChat's own speech recognition, when the account enabled it.
                text = Field(xml, "Recognition") is { Length: > 0 } recognised ? recognised : null;
                break;
            case "video" or "shortvideo":
                attachments.Add(new InboundAttachment(AttachmentKind.Video, Required(xml, "MediaId"), null, "video/mp4", null));
                break;
            case "location":
                location = new InboundLocation(
                    double.Parse(Required(xml, "Location_X"), CultureInfo.InvariantCulture),
                    double.Parse(Required(xml, "Location_Y"), CultureInfo.InvariantCulture),
                    Field(xml, "Label"),
                    null);
                break;
            case "link":
                text = string.Join(' ', new[] { Field(xml, "Title"), Field(xml, "Url") }.Where(p => !string.IsNullOrEmpty(p)));
                break;
            default:
                unsupported = type;
                break;
        }

        return new InboundMessage(id, openId, new PlatformUser(openId, null, null, null), at, text, attachments, location, unsupported);
    }

    private static string? Field(XElement xml, string name) => xml.Element(name)?.Value;

    private static string Required(XElement xml, string name) => Field(xml, name) ?? throw new FormatException($"<{name}> is missing.");
}
