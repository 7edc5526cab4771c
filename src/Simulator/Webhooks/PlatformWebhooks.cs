using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Inbox.Simulator.Webhooks;

/// <summary>A customer of a simulated platform.</summary>
/// <param name="Id">Their id on the platform (wa_id, PSID, IGSID, chat id, LINE user id, OpenID).</param>
/// <param name="Name">Their display name, where the platform sends one.</param>
public sealed record SimulatedCustomer(string Id, string Name);

/// <summary>A file a customer sends, as the platform names it in a webhook.</summary>
/// <param name="MediaId">The platform's media id (or, for Messenger, the CDN URL).</param>
/// <param name="MimeType">Its media type.</param>
/// <param name="FileName">Its name, for documents.</param>
/// <param name="Size">Its size in bytes.</param>
public sealed record SimulatedMedia(string MediaId, string MimeType, string? FileName, long Size);

/// <summary>
/// Builds the webhooks one platform sends, signed the way it signs them. <paramref name="fields"/> are the channel's
/// fields as the inbox names them (<c>appSecret</c>, <c>secretToken</c>, <c>channelSecret</c>, <c>token</c>, ids).
/// Each message gets a fresh platform id, returned with the webhook, so a test can send the same webhook again.
/// </summary>
public abstract class PlatformWebhooks(IReadOnlyDictionary<string, string> fields)
{
    private static long _counter = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>The platform's wire name.</summary>
    public abstract string Platform { get; }

    protected IReadOnlyDictionary<string, string> Fields { get; } = fields;

    /// <summary>The builder for a platform wire name.</summary>
    public static PlatformWebhooks For(string platform, IReadOnlyDictionary<string, string> fields) => platform switch
    {
        "whatsapp" => new WhatsAppWebhooks(fields),
        "messenger" => new MessengerWebhooks(fields, "page"),
        "instagram" => new MessengerWebhooks(fields, "instagram"),
        "telegram" => new TelegramWebhooks(fields),
        "line" => new LineWebhooks(fields),
        "wechat" => new WeChatWebhooks(fields),
        _ => throw new ArgumentException($"The simulator has no platform '{platform}'.", nameof(platform)),
    };

    /// <summary>A customer's text message, and the platform's id for it.</summary>
    public abstract (SimulatedWebhook Webhook, string MessageId) Text(SimulatedCustomer customer, string text, DateTimeOffset at);

    /// <summary>A customer's image with an optional caption, and the platform's id for the message.</summary>
    public abstract (SimulatedWebhook Webhook, string MessageId) Image(SimulatedCustomer customer, SimulatedMedia image, string? caption, DateTimeOffset at);

    /// <summary>
    /// A status webhook for a message sent to <paramref name="customer"/> (<c>delivered</c>, <c>read</c>, <c>failed</c>),
    /// or null on a platform without them.
    /// </summary>
    public virtual SimulatedWebhook? Status(SimulatedCustomer customer, string platformMessageId, string status, DateTimeOffset at) => null;

    /// <summary>Any body, signed as the platform signs: to deliver a payload the builders do not make, or a malformed one.</summary>
    public abstract SimulatedWebhook Raw(string body);

    /// <summary>The verification handshake the platform makes when the webhook URL is set, or null when it makes none.</summary>
    public virtual SimulatedWebhook? Handshake(string challenge) => null;

    /// <summary>A number unique in this process, for platform ids.</summary>
    protected static long Next() => Interlocked.Increment(ref _counter);

    protected string Field(string name) =>
        Fields.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"The simulated {Platform} channel has no '{name}'.");

    protected static byte[] Json(JsonNode node)
    {
        // Platforms add fields without notice: every body carries one nobody has heard of, so a strict parser fails here.
        if (node is JsonObject root && !root.ContainsKey("x_future_field"))
        {
            root["x_future_field"] = new JsonObject { ["added"] = "by the platform, without notice", ["version"] = 2 };
        }

        // The default encoder writes non-ASCII as \uXXXX, as Meta does: a receiver that re-encodes before checking fails.
        return Encoding.UTF8.GetBytes(node.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    protected static byte[] HmacSha256(string key, byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body);

    protected static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Meta's Graph webhooks (WhatsApp, Messenger, Instagram): X-Hub-Signature-256 and the hub.challenge handshake.</summary>
public abstract class MetaWebhooksBase(IReadOnlyDictionary<string, string> fields) : PlatformWebhooks(fields)
{
    public override SimulatedWebhook Handshake(string challenge) => new(
        HttpMethod.Get,
        $"hub.mode=subscribe&hub.challenge={Uri.EscapeDataString(challenge)}&hub.verify_token={Uri.EscapeDataString(Field("verifyToken"))}",
        [],
        "text/plain",
        Headers());

    public override SimulatedWebhook Raw(string body) => SignedPost(Encoding.UTF8.GetBytes(body));

    protected SimulatedWebhook SignedPost(JsonNode envelope) => SignedPost(Json(envelope));

    private SimulatedWebhook SignedPost(byte[] body) =>
        new(HttpMethod.Post, "", body, "application/json", Headers(("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HmacSha256(Field("appSecret"), body)))));
}

/// <summary>WhatsApp Cloud API: <c>whatsapp_business_account</c> envelopes with contacts and messages.</summary>
public sealed class WhatsAppWebhooks(IReadOnlyDictionary<string, string> fields) : MetaWebhooksBase(fields)
{
    public override string Platform => "whatsapp";

    public override (SimulatedWebhook, string) Text(SimulatedCustomer customer, string text, DateTimeOffset at) =>
        Message(customer, at, "text", new JsonObject { ["body"] = text });

    public override (SimulatedWebhook, string) Image(SimulatedCustomer customer, SimulatedMedia image, string? caption, DateTimeOffset at) =>
        Message(customer, at, "image", new JsonObject
        {
            ["caption"] = caption,
            ["mime_type"] = image.MimeType,
            ["sha256"] = "c2ltdWxhdGVkLWltYWdlLWhhc2g=",
            ["id"] = image.MediaId,
        });

    public override SimulatedWebhook Status(SimulatedCustomer customer, string platformMessageId, string status, DateTimeOffset at)
    {
        var entry = new JsonObject
        {
            ["id"] = platformMessageId,
            ["status"] = status,
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["recipient_id"] = customer.Id,
        };
        if (status == "failed")
        {
            entry["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = 131026,
                ["title"] = "Message undeliverable",
                ["message"] = "Message undeliverable",
                ["error_data"] = new JsonObject { ["details"] = "Message Undeliverable." },
            });
        }
        else
        {
            entry["conversation"] = new JsonObject { ["id"] = "a75d17ad", ["origin"] = new JsonObject { ["type"] = "service" } };
            entry["pricing"] = new JsonObject { ["billable"] = true, ["pricing_model"] = "CBP", ["category"] = "service" };
        }

        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = Field("phoneNumberId") },
            ["statuses"] = new JsonArray(entry),
        };
        return SignedPost(Envelope("messages", value));
    }

    private (SimulatedWebhook, string) Message(SimulatedCustomer customer, DateTimeOffset at, string type, JsonObject content)
    {
        var id = "wamid." + Convert.ToBase64String(Encoding.ASCII.GetBytes($"HBgL{customer.Id}VAgASGB{Next():X}"));
        var message = new JsonObject
        {
            ["from"] = customer.Id,
            ["id"] = id,
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["type"] = type,
            [type] = content,
        };
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = Field("phoneNumberId") },
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = customer.Name }, ["wa_id"] = customer.Id }),
            ["messages"] = new JsonArray(message),
        };
        return (SignedPost(Envelope("messages", value)), id);
    }

    private static JsonObject Envelope(string field, JsonObject value) => new()
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = "102290129340398",
            ["changes"] = new JsonArray(new JsonObject { ["field"] = field, ["value"] = value }),
        }),
    };
}

/// <summary>Messenger (<c>object: page</c>) and Instagram (<c>object: instagram</c>) messaging webhooks.</summary>
public sealed class MessengerWebhooks(IReadOnlyDictionary<string, string> fields, string envelopeObject) : MetaWebhooksBase(fields)
{
    public override string Platform => envelopeObject == "page" ? "messenger" : "instagram";

    public override (SimulatedWebhook, string) Text(SimulatedCustomer customer, string text, DateTimeOffset at) =>
        Message(customer, at, mid => new JsonObject { ["mid"] = mid, ["text"] = text });

    public override (SimulatedWebhook, string) Image(SimulatedCustomer customer, SimulatedMedia image, string? caption, DateTimeOffset at) =>
        Message(customer, at, mid => new JsonObject
        {
            ["mid"] = mid,
            ["attachments"] = new JsonArray(new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["url"] = image.MediaId } }),
        });

    public override SimulatedWebhook? Status(SimulatedCustomer customer, string platformMessageId, string status, DateTimeOffset at) => status switch
    {
        "delivered" => Messaging(customer, at, "delivery", new JsonObject { ["mids"] = new JsonArray(platformMessageId), ["watermark"] = at.ToUnixTimeMilliseconds() }),
        "read" => Messaging(customer, at, "read", new JsonObject { ["watermark"] = at.ToUnixTimeMilliseconds() }),
        _ => null,
    };

    private (SimulatedWebhook, string) Message(SimulatedCustomer customer, DateTimeOffset at, Func<string, JsonObject> message)
    {
        var mid = $"m_{Convert.ToBase64String(Encoding.ASCII.GetBytes($"sim-{Next()}")).TrimEnd('=')}";
        return (Messaging(customer, at, "message", message(mid)), mid);
    }

    private SimulatedWebhook Messaging(SimulatedCustomer customer, DateTimeOffset at, string field, JsonObject content)
    {
        var account = Field("accountId");
        return SignedPost(new JsonObject
        {
            ["object"] = envelopeObject,
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = account,
                ["time"] = at.ToUnixTimeMilliseconds(),
                ["messaging"] = new JsonArray(new JsonObject
                {
                    ["sender"] = new JsonObject { ["id"] = customer.Id },
                    ["recipient"] = new JsonObject { ["id"] = account },
                    ["timestamp"] = at.ToUnixTimeMilliseconds(),
                    [field] = content,
                }),
            }),
        });
    }
}

/// <summary>Telegram Bot API updates, authenticated by the secret token given to setWebhook.</summary>
public sealed class TelegramWebhooks(IReadOnlyDictionary<string, string> fields) : PlatformWebhooks(fields)
{
    public override string Platform => "telegram";

    public override (SimulatedWebhook, string) Text(SimulatedCustomer customer, string text, DateTimeOffset at) =>
        Update(customer, at, message => message["text"] = text);

    public override (SimulatedWebhook, string) Image(SimulatedCustomer customer, SimulatedMedia image, string? caption, DateTimeOffset at) =>
        Update(customer, at, message =>
        {
            message["photo"] = new JsonArray(
                new JsonObject { ["file_id"] = image.MediaId + "_s", ["file_unique_id"] = "AQADs" + Next(), ["file_size"] = 1532, ["width"] = 90, ["height"] = 67 },
                new JsonObject { ["file_id"] = image.MediaId, ["file_unique_id"] = "AQADl" + Next(), ["file_size"] = image.Size, ["width"] = 1280, ["height"] = 960 });
            if (caption is not null)
            {
                message["caption"] = caption;
            }
        });

    public override SimulatedWebhook Raw(string body) =>
        new(HttpMethod.Post, "", Encoding.UTF8.GetBytes(body), "application/json", Headers(("X-Telegram-Bot-Api-Secret-Token", Field("secretToken"))));

    private (SimulatedWebhook, string) Update(SimulatedCustomer customer, DateTimeOffset at, Action<JsonObject> content)
    {
        var chatId = long.Parse(customer.Id, CultureInfo.InvariantCulture);
        var messageId = Next() % 1_000_000_000;
        var (first, last) = Split(customer.Name);
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = first, ["last_name"] = last, ["language_code"] = "en" },
            ["chat"] = new JsonObject { ["id"] = chatId, ["first_name"] = first, ["last_name"] = last, ["type"] = "private" },
            ["date"] = at.ToUnixTimeSeconds(),
        };
        content(message);
        var update = new JsonObject { ["update_id"] = Next() % 1_000_000_000, ["message"] = message };
        return (Raw(Encoding.UTF8.GetString(Json(update))), $"{chatId}:{messageId}");
    }

    private static (string First, string? Last) Split(string name) =>
        name.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? (name[..space], name[(space + 1)..]) : (name, null);
}

/// <summary>LINE Messaging API webhooks: <c>{destination, events[]}</c> signed with base64 HMAC-SHA256 of the channel secret.</summary>
public sealed class LineWebhooks(IReadOnlyDictionary<string, string> fields) : PlatformWebhooks(fields)
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public override string Platform => "line";

    public override (SimulatedWebhook, string) Text(SimulatedCustomer customer, string text, DateTimeOffset at) =>
        Event(customer, at, id => new JsonObject { ["type"] = "text", ["id"] = id, ["quoteToken"] = "q" + Next(), ["text"] = text });

    public override (SimulatedWebhook, string) Image(SimulatedCustomer customer, SimulatedMedia image, string? caption, DateTimeOffset at) =>
        Event(customer, at, _ => new JsonObject { ["type"] = "image", ["id"] = image.MediaId, ["quoteToken"] = "q" + Next(), ["contentProvider"] = new JsonObject { ["type"] = "line" } });

    public override SimulatedWebhook Raw(string body) => Signed(Encoding.UTF8.GetBytes(body));

    private SimulatedWebhook Signed(byte[] body) =>
        new(HttpMethod.Post, "", body, "application/json; charset=utf-8", Headers(("x-line-signature", Convert.ToBase64String(HmacSha256(Field("channelSecret"), body)))));

    private (SimulatedWebhook, string) Event(SimulatedCustomer customer, DateTimeOffset at, Func<string, JsonObject> message)
    {
        var id = (Next() * 1000 + 530).ToString(CultureInfo.InvariantCulture);
        var content = message(id);
        var body = Json(new JsonObject
        {
            ["destination"] = "U0123456789abcdef0123456789abcdef",
            ["events"] = new JsonArray(new JsonObject
            {
                ["type"] = "message",
                ["message"] = content,
                ["webhookEventId"] = Ulid(at),
                ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
                ["timestamp"] = at.ToUnixTimeMilliseconds(),
                ["source"] = new JsonObject { ["type"] = "user", ["userId"] = customer.Id },
                ["replyToken"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                ["mode"] = "active",
            }),
        });
        return (Signed(body), (string)content["id"]!);
    }

    private static string Ulid(DateTimeOffset at)
    {
        var chars = new char[26];
        var time = at.ToUnixTimeMilliseconds();
        for (var i = 9; i >= 0; i--, time >>= 5)
        {
            chars[i] = Crockford[(int)(time & 31)];
        }

        for (var i = 10; i < 26; i++)
        {
            chars[i] = Crockford[RandomNumberGenerator.GetInt32(32)];
        }

        return new string(chars);
    }
}

/// <summary>WeChat Official Account server messages: XML, with signature = sha1(sorted token, timestamp, nonce) in the query.</summary>
public sealed class WeChatWebhooks(IReadOnlyDictionary<string, string> fields) : PlatformWebhooks(fields)
{
    public override string Platform => "wechat";

    public override SimulatedWebhook Handshake(string challenge) => new(HttpMethod.Get, SignedQuery("") + "&echostr=" + Uri.EscapeDataString(challenge), [], "text/plain", Headers());

    public override (SimulatedWebhook, string) Text(SimulatedCustomer customer, string text, DateTimeOffset at) =>
        Message(customer, at, "text", new XElement("Content", new XCData(text)));

    public override (SimulatedWebhook, string) Image(SimulatedCustomer customer, SimulatedMedia image, string? caption, DateTimeOffset at) =>
        Message(customer, at, "image", new XElement("PicUrl", new XCData($"http://mmbiz.qpic.cn/mmbiz_jpg/{image.MediaId}/0")), new XElement("MediaId", new XCData(image.MediaId)));

    public override SimulatedWebhook Raw(string body) => new(HttpMethod.Post, SignedQuery(""), Encoding.UTF8.GetBytes(body), "text/xml", Headers());

    private (SimulatedWebhook, string) Message(SimulatedCustomer customer, DateTimeOffset at, string type, params XElement[] content)
    {
        var msgId = (24_512_345_678_901_234L + Next()).ToString(CultureInfo.InvariantCulture);
        var xml = new XElement("xml",
            new XElement("ToUserName", new XCData("gh_0123456789ab")),
            new XElement("FromUserName", new XCData(customer.Id)),
            new XElement("CreateTime", at.ToUnixTimeSeconds()),
            new XElement("MsgType", new XCData(type)),
            content,
            new XElement("MsgId", msgId));
        var body = Encoding.UTF8.GetBytes(xml.ToString(SaveOptions.DisableFormatting));
        return (new SimulatedWebhook(HttpMethod.Post, SignedQuery(customer.Id), body, "text/xml", Headers()), msgId);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "SHA-1 is WeChat's protocol, not our choice.")]
    private string SignedQuery(string openId)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(1_000_000_000).ToString(CultureInfo.InvariantCulture);
        string[] parts = [Field("token"), timestamp, nonce];
        Array.Sort(parts, StringComparer.Ordinal);
        var signature = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
        var query = $"signature={signature}&timestamp={timestamp}&nonce={nonce}";
        return openId.Length == 0 ? query : query + "&openid=" + Uri.EscapeDataString(openId);
    }
}
