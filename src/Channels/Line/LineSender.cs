using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Inbox.Channels.Outbound;

namespace Inbox.Channels.Line;

/// <summary>
/// LINE push messages (an agent's reply comes minutes later, past the reply token's minute): <c>POST {base}v2/bot/message/push</c>
/// with the bearer token and an <c>X-Line-Retry-Key</c> derived from the inbox's message id, so a retried send is
/// accepted once (LINE answers 409 to the retry, which counts as sent). Quick replies become up to 13 message actions.
/// </summary>
public sealed class LineSender : IChannelSender
{
    private const int MaxLabel = 20;

    public string Platform => LineAdapter.PlatformName;

    public Uri DefaultBaseUrl { get; } = new("https://api.line.me/");

    // 2,000 requests/s per channel for push; 429 beyond.
    public SendLimits Limits { get; } = new(2000, 200);

    // X-Line-Retry-Key: LINE answers a repeated key 409 instead of sending twice.
    public bool HasIdempotencyKey => true;

    public Uri? DefaultMediaBaseUrl { get; } = new("https://api-data.line.me/");

    /// <summary>LINE serves content from its data host, <c>v2/bot/message/{id}/content</c>, with the bearer token.</summary>
    public async Task<MediaFetch> FetchMediaAsync(SendContext context, string mediaId, CancellationToken cancellationToken)
    {
        var (file, unreachable) = await PlatformHttp.GetAsync(context.Http, new Uri(context.MediaBase, $"v2/bot/message/{Uri.EscapeDataString(mediaId)}/content"), cancellationToken,
            h => h.Authorization = new("Bearer", context.Field(LineAdapter.AccessTokenField)), PlatformHttp.MaxMediaBytes);
        return file switch
        {
            null => new MediaFetch.Failed(unreachable!),
            { IsSuccess: false } f => new MediaFetch.Failed(LineErrors.FromResponse(f.Status, f.Body, f.RetryAfter)),
            var f => new MediaFetch.Fetched(f.Value.Body, f.Value.ContentType, null),
        };
    }

    /// <summary><c>GET {base}v2/bot/profile/{userId}</c> (bearer): <c>displayName</c> and, when set, <c>pictureUrl</c>. 404 for a user who has not added or has blocked the account.</summary>
    public async Task<PlatformProfile?> FetchProfileAsync(SendContext context, string userId, CancellationToken cancellationToken)
    {
        var (answer, _) = await PlatformHttp.GetAsync(context.Http, new Uri(context.BaseUrl, $"v2/bot/profile/{Uri.EscapeDataString(userId)}"), cancellationToken,
            h => h.Authorization = new("Bearer", context.Field(LineAdapter.AccessTokenField)));
        if (answer is not { IsSuccess: true } a || a.Json() is not { } json)
        {
            return null;
        }

        Uri.TryCreate((string?)json["pictureUrl"], UriKind.Absolute, out var picture);
        return new PlatformProfile((string?)json["displayName"], picture);
    }

    public async Task<SendResult> SendAsync(SendContext context, OutboundMessage message, CancellationToken cancellationToken)
    {
        var text = new JsonObject { ["type"] = "text", ["text"] = message.Text };
        if (message.QuickReplies is { Count: > 0 } replies)
        {
            text["quickReply"] = new JsonObject
            {
                ["items"] = new JsonArray([.. replies.Take(OutboundMessage.MaxQuickReplies).Select(title => (JsonNode)new JsonObject
                {
                    ["type"] = "action",
                    ["action"] = new JsonObject { ["type"] = "message", ["label"] = PlatformHttp.Cut(title, MaxLabel), ["text"] = title },
                })]),
            };
        }

        var messages = new JsonArray();
        if (message.File is { } file)
        {
            // LINE takes no uploads and no files from a bot: an image goes as a link LINE fetches itself.
            if (!file.IsImage)
            {
                return PlatformHttp.Unsupported("LINE does not let an official account send files; share a link instead.");
            }

            if (file.PublicUrl is not { } link)
            {
                return PlatformHttp.Unsupported("LINE fetches images from a public HTTPS link, and the inbox has no public media address configured (Inbox:Channels:PublicMediaUrl).");
            }

            messages.Add(new JsonObject { ["type"] = "image", ["originalContentUrl"] = link.ToString(), ["previewImageUrl"] = link.ToString() });
        }

        if (message.Text.Length > 0)
        {
            messages.Add(text);
        }

        var body = new JsonObject { ["to"] = message.RecipientId, ["messages"] = messages };
        var (answer, unreachable) = await PlatformHttp.PostJsonAsync(context.Http, new Uri(context.BaseUrl, "v2/bot/message/push"), body, h =>
        {
            h.Authorization = new("Bearer", context.Field(LineAdapter.AccessTokenField));
            h.Add("X-Line-Retry-Key", RetryKey(message.MessageId).ToString());
        }, cancellationToken);
        if (answer is not { } a)
        {
            return new SendResult.Refused(unreachable!);
        }

        if (a.IsSuccess)
        {
            return new SendResult.Accepted((string?)a.Json()?["sentMessages"]?[0]?["id"]);
        }

        var failure = LineErrors.FromResponse(a.Status, a.Body, a.RetryAfter);
        return failure.Kind == SendFailureKind.AlreadyAccepted ? new SendResult.Accepted(null) : new SendResult.Refused(failure);
    }

    /// <summary>The same UUID for every attempt to send one message.</summary>
    internal static Guid RetryKey(string messageId) => new(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)).AsSpan(0, 16));
}
