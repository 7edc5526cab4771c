using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Inbox.Channels.Inbound;
using Inbox.Channels.Meta;
using Inbox.Channels.Outbound;

namespace Inbox.Channels.WhatsApp;

/// <summary>
/// WhatsApp Cloud API sends: <c>POST {base}{phone-number-id}/messages</c> with the bearer token. Quick replies become
/// an interactive message with up to three reply buttons (WhatsApp's limit; titles cut at 20 characters).
/// </summary>
public sealed class WhatsAppSender : IChannelSender
{
    // WhatsApp's interactive reply buttons: three at most.
    private const int MaxButtons = 3;
    private const int MaxButtonTitle = 20;

    public string Platform => WhatsAppAdapter.PlatformName;

    public Uri DefaultBaseUrl { get; } = new("https://graph.facebook.com/v21.0/");

    public int MaxQuickReplies => MaxButtons;

    // 80 messages/s per phone number by default (Meta upgrades busy numbers to 1,000: admins raise the channel's rate);
    // about one message per 6 s to the same customer, bursts of ~20 borrowed from later (131056 beyond).
    public SendLimits Limits { get; } = new(80, 8, RecipientPerSecond: 1.0 / 6, RecipientBurst: 20);

    // WhatsApp answers a send 200 and reports most failures later, in a failed status.
    public SendFailureKind Classify(PlatformError platformError) => WhatsAppErrors.Classify(platformError);

    /// <summary>
    /// Two steps, as Meta documents: the media id gives a short-lived URL (5 minutes), fetched with the same bearer
    /// token; the bytes are checked against the SHA-256 Meta reports (hex or base64).
    /// </summary>
    public async Task<MediaFetch> FetchMediaAsync(SendContext context, string mediaId, CancellationToken cancellationToken)
    {
        void Auth(HttpRequestHeaders h) => h.Authorization = new("Bearer", context.Field(MetaWebhooks.AccessTokenField));
        var metaUrl = new Uri(context.BaseUrl, $"{Uri.EscapeDataString(mediaId)}?phone_number_id={Uri.EscapeDataString(context.Field(WhatsAppAdapter.PhoneNumberIdField))}");
        var (meta, unreachable) = await PlatformHttp.GetAsync(context.Http, metaUrl, cancellationToken, Auth);
        if (meta is not { } m)
        {
            return new MediaFetch.Failed(unreachable!);
        }

        var json = m.Json();
        if (!m.IsSuccess || !Uri.TryCreate((string?)json?["url"], UriKind.Absolute, out var download))
        {
            return new MediaFetch.Failed(WhatsAppErrors.FromResponse(m.Status, m.Body, m.RetryAfter));
        }

        var (file, unreachableFile) = await PlatformHttp.GetAsync(context.Http, download, cancellationToken, Auth, PlatformHttp.MaxMediaBytes);
        if (file is not { } f)
        {
            return new MediaFetch.Failed(unreachableFile!);
        }

        if (!f.IsSuccess)
        {
            return new MediaFetch.Failed(PlatformHttp.DownloadFailed(f.Status));
        }

        if ((string?)json?["sha256"] is { Length: > 0 } expected && !HashMatches(f.Body, expected))
        {
            return new MediaFetch.Failed(new SendFailure(SendFailureKind.Transient, new PlatformError("sha256", "The downloaded file does not match its checksum.", null), null));
        }

        return new MediaFetch.Fetched(f.Body, (string?)json?["mime_type"] ?? f.ContentType, null);
    }

    private static bool HashMatches(byte[] content, string expected)
    {
        var actual = SHA256.HashData(content);
        return string.Equals(Convert.ToHexStringLower(actual), expected, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Convert.ToBase64String(actual), expected, StringComparison.Ordinal);
    }

    public async Task<SendResult> SendAsync(SendContext context, OutboundMessage message, CancellationToken cancellationToken)
    {
        void Auth(HttpRequestHeaders h) => h.Authorization = new("Bearer", context.Field(MetaWebhooks.AccessTokenField));
        var phone = Uri.EscapeDataString(context.Field(WhatsAppAdapter.PhoneNumberIdField));
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = message.RecipientId,
        };
        if (message.File is { } file)
        {
            // Uploaded first (sending by public link is "not recommended" by Meta), then sent by the media id.
            using var form = new MultipartFormDataContent
            {
                { new StringContent("whatsapp"), "messaging_product" },
                { new StringContent(file.MimeType), "type" },
                { PlatformHttp.FilePart(file), "file", file.FileName },
            };
            var (uploaded, unreachableUpload) = await PlatformHttp.PostFormAsync(context.Http, new Uri(context.BaseUrl, $"{phone}/media"), form, Auth, cancellationToken);
            if (uploaded is not { } u)
            {
                return new SendResult.Refused(unreachableUpload!);
            }

            if (!u.IsSuccess || (string?)u.Json()?["id"] is not { } mediaId)
            {
                return new SendResult.Refused(WhatsAppErrors.FromResponse(u.Status, u.Body, u.RetryAfter));
            }

            var type = file.IsImage ? "image" : "document";
            var media = new JsonObject { ["id"] = mediaId };
            if (message.Text.Length > 0)
            {
                media["caption"] = message.Text;
            }

            if (!file.IsImage)
            {
                media["filename"] = file.FileName;
            }

            body["type"] = type;
            body[type] = media;
        }
        else if (message.QuickReplies is { Count: > 0 } replies)
        {
            body["type"] = "interactive";
            body["interactive"] = new JsonObject
            {
                ["type"] = "button",
                ["body"] = new JsonObject { ["text"] = message.Text },
                ["action"] = new JsonObject
                {
                    ["buttons"] = new JsonArray([.. replies.Take(MaxButtons).Select((title, i) => (JsonNode)new JsonObject
                    {
                        ["type"] = "reply",
                        ["reply"] = new JsonObject { ["id"] = $"qr-{i + 1}", ["title"] = PlatformHttp.Cut(title, MaxButtonTitle) },
                    })]),
                },
            };
        }
        else
        {
            body["type"] = "text";
            body["text"] = new JsonObject { ["preview_url"] = false, ["body"] = message.Text };
        }

        var (answer, unreachable) = await PlatformHttp.PostJsonAsync(context.Http, new Uri(context.BaseUrl, $"{phone}/messages"), body, Auth, cancellationToken);
        if (answer is not { } a)
        {
            return new SendResult.Refused(unreachable!);
        }

        return a.IsSuccess && (string?)a.Json()?["messages"]?[0]?["id"] is { } id
            ? new SendResult.Accepted(id)
            : new SendResult.Refused(WhatsAppErrors.FromResponse(a.Status, a.Body, a.RetryAfter));
    }
}
