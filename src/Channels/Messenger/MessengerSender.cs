using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Inbox.Channels.Meta;
using Inbox.Channels.Outbound;

namespace Inbox.Channels.Messenger;

/// <summary>
/// Messenger and (Page-linked) Instagram Send API: <c>POST {base}{account-id}/messages?access_token=…&amp;appsecret_proof=…</c>
/// with <c>messaging_type: RESPONSE</c>. Quick replies become up to 13 text quick replies.
/// </summary>
public sealed class MessengerSender(string platform) : IChannelSender
{
    private const int MaxTitle = 20;

    public static MessengerSender Messenger { get; } = new("messenger");

    public static MessengerSender Instagram { get; } = new("instagram");

    public string Platform { get; } = platform;

    public Uri DefaultBaseUrl { get; } = new("https://graph.facebook.com/v21.0/");

    // 300 calls/s per Page (and per Instagram account) for text; 613 beyond.
    public SendLimits Limits { get; } = new(300, 30);

    /// <summary>Messenger gives no media id: the webhook carries the attachment's CDN URL, which expires, so it is fetched at once.</summary>
    public async Task<MediaFetch> FetchMediaAsync(SendContext context, string mediaId, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(mediaId, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return new MediaFetch.Failed(new SendFailure(SendFailureKind.InvalidRequest, new Inbound.PlatformError("url", "The attachment has no downloadable URL.", null), null));
        }

        var (file, unreachable) = await PlatformHttp.GetAsync(context.Http, url, cancellationToken, maxBytes: PlatformHttp.MaxMediaBytes);
        return file switch
        {
            null => new MediaFetch.Failed(unreachable!),
            { IsSuccess: false } f => new MediaFetch.Failed(PlatformHttp.DownloadFailed(f.Status)),
            var f => new MediaFetch.Fetched(f.Value.Body, f.Value.ContentType, null),
        };
    }

    /// <summary>
    /// The User Profile API: <c>GET {base}{psid}?fields=first_name,last_name,profile_pic</c> (Messenger) or
    /// <c>fields=name,username,profile_pic</c> (Instagram). Meta answers an error (e.g. 2018218, no profile) or an empty
    /// object when the person's profile may not be read: then there is no profile.
    /// </summary>
    public async Task<PlatformProfile?> FetchProfileAsync(SendContext context, string userId, CancellationToken cancellationToken)
    {
        var fields = Platform == "instagram" ? "name,username,profile_pic" : "first_name,last_name,profile_pic";
        var url = new Uri(context.BaseUrl, $"{Uri.EscapeDataString(userId)}?fields={fields}&access_token={Uri.EscapeDataString(context.Field(MetaWebhooks.AccessTokenField))}");
        var (answer, _) = await PlatformHttp.GetAsync(context.Http, url, cancellationToken);
        if (answer is not { IsSuccess: true } a || a.Json() is not JsonObject json)
        {
            return null;
        }

        var name = (string?)json["name"] ?? string.Join(" ", new[] { (string?)json["first_name"], (string?)json["last_name"] }.OfType<string>()).Trim();
        if (string.IsNullOrEmpty(name))
        {
            name = (string?)json["username"];
        }

        Uri.TryCreate((string?)json["profile_pic"], UriKind.Absolute, out var picture);
        return string.IsNullOrEmpty(name) && picture is null ? null : new PlatformProfile(string.IsNullOrEmpty(name) ? null : name, picture);
    }

    public async Task<SendResult> SendAsync(SendContext context, OutboundMessage message, CancellationToken cancellationToken)
    {
        // appsecret_proof proves the token is used by the app that owns it (Meta can require it for server calls).
        var token = context.Field(MetaWebhooks.AccessTokenField);
        var proof = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(context.Field(MetaWebhooks.AppSecretField)), Encoding.UTF8.GetBytes(token)));
        var url = new Uri(context.BaseUrl, $"{Uri.EscapeDataString(context.Field(MessengerAdapter.AccountIdField))}/messages?access_token={Uri.EscapeDataString(token)}&appsecret_proof={proof}");
        var recipient = new JsonObject { ["id"] = message.RecipientId };

        if (message.File is { } file)
        {
            // An attachment carries no caption on Messenger: the text goes first as its own message.
            if (message.Text.Length > 0 && await PostAsync(context, url, Json(recipient, new JsonObject { ["text"] = message.Text }), cancellationToken) is SendResult.Refused refused)
            {
                return refused;
            }

            var attachment = new JsonObject
            {
                ["attachment"] = new JsonObject { ["type"] = file.IsImage ? "image" : "file", ["payload"] = new JsonObject { ["is_reusable"] = false } },
            };
            using var form = new MultipartFormDataContent
            {
                { new StringContent(recipient.ToJsonString()), "recipient" },
                { new StringContent("RESPONSE"), "messaging_type" },
                { new StringContent(attachment.ToJsonString()), "message" },
                { PlatformHttp.FilePart(file), "filedata", file.FileName },
            };
            return Result(await PlatformHttp.PostFormAsync(context.Http, url, form, null, cancellationToken));
        }

        var content = new JsonObject { ["text"] = message.Text };
        if (message.QuickReplies is { Count: > 0 } replies)
        {
            content["quick_replies"] = new JsonArray([.. replies.Take(OutboundMessage.MaxQuickReplies).Select((title, i) => (JsonNode)new JsonObject
            {
                ["content_type"] = "text",
                ["title"] = PlatformHttp.Cut(title, MaxTitle),
                ["payload"] = $"qr-{i + 1}",
            })]);
        }

        return await PostAsync(context, url, Json(recipient, content), cancellationToken);
    }

    private static JsonObject Json(JsonObject recipient, JsonObject content) => new()
    {
        ["recipient"] = recipient.DeepClone(),
        ["messaging_type"] = "RESPONSE",
        ["message"] = content,
    };

    private static async Task<SendResult> PostAsync(SendContext context, Uri url, JsonObject body, CancellationToken cancellationToken) =>
        Result(await PlatformHttp.PostJsonAsync(context.Http, url, body, null, cancellationToken));

    private static SendResult Result((PlatformHttp.Answer? Answer, SendFailure? Unreachable) exchange) => exchange switch
    {
        ({ } a, _) when a.IsSuccess && (string?)a.Json()?["message_id"] is { } id => new SendResult.Accepted(id),
        ({ } a, _) => new SendResult.Refused(MessengerErrors.FromResponse(a.Status, a.Body, a.RetryAfter)),
        (_, var unreachable) => new SendResult.Refused(unreachable!),
    };
}
