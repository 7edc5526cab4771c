using System.Text.Json.Nodes;
using Inbox.Channels.Inbound;
using Inbox.Channels.Outbound;

namespace Inbox.Channels.WeChat;

/// <summary>
/// WeChat customer-service messages (<c>POST {base}cgi-bin/message/custom/send?access_token=…</c>): the only way to
/// answer after the 5-second webhook. The access token is bought with AppID and AppSecret and kept in the channel's
/// <see cref="AccessTokenCache"/> until five minutes before it expires; a token WeChat calls invalid or expired is
/// bought again once. Quick replies become a <c>msgmenu</c>.
/// </summary>
public sealed class WeChatSender : IChannelSender
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    public string Platform => WeChatAdapter.PlatformName;

    public Uri DefaultBaseUrl { get; } = new("https://api.weixin.qq.com/");

    // WeChat publishes a daily quota (45009) but no per-second limit: a cautious 50/s.
    public SendLimits Limits { get; } = new(50, 5);

    public async Task<SendResult> SendAsync(SendContext context, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.File is { } file)
        {
            if (!file.IsImage)
            {
                return PlatformHttp.Unsupported("WeChat customer-service messages cannot carry files; share a link instead.");
            }

            // The caption goes first as text; the image is uploaded as temporary media, then sent by its media_id.
            if (message.Text.Length > 0 && await SendJsonAsync(context, Text(message), cancellationToken) is SendResult.Refused refused)
            {
                return refused;
            }

            var (uploaded, failed) = await CallAsync(context, token =>
            {
                var form = new MultipartFormDataContent { { PlatformHttp.FilePart(file), "media", file.FileName } };
                return PlatformHttp.PostFormAsync(context.Http, new Uri(context.BaseUrl, $"cgi-bin/media/upload?access_token={Uri.EscapeDataString(token)}&type=image"), form, null, cancellationToken);
            });
            if ((string?)uploaded?.Json()?["media_id"] is not { Length: > 0 } mediaId)
            {
                return failed is null ? PlatformHttp.Unsupported("WeChat gave no media_id for the uploaded image.") : new SendResult.Refused(failed);
            }

            return await SendJsonAsync(context, new JsonObject { ["touser"] = message.RecipientId, ["msgtype"] = "image", ["image"] = new JsonObject { ["media_id"] = mediaId } }, cancellationToken);
        }

        JsonObject body = message.QuickReplies is { Count: > 0 } replies
            ? new()
            {
                ["touser"] = message.RecipientId,
                ["msgtype"] = "msgmenu",
                ["msgmenu"] = new JsonObject
                {
                    ["head_content"] = message.Text,
                    ["list"] = new JsonArray([.. replies.Select((title, i) => (JsonNode)new JsonObject { ["id"] = $"qr-{i + 1}", ["content"] = title })]),
                    ["tail_content"] = "",
                },
            }
            : Text(message);
        return await SendJsonAsync(context, body, cancellationToken);
    }

    private static JsonObject Text(OutboundMessage message) =>
        new() { ["touser"] = message.RecipientId, ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = message.Text } };

    // WeChat returns no message id for a customer-service message.
    private static async Task<SendResult> SendJsonAsync(SendContext context, JsonObject body, CancellationToken cancellationToken) =>
        (await CallAsync(context, token => PlatformHttp.PostJsonAsync(
            context.Http, new Uri(context.BaseUrl, $"cgi-bin/message/custom/send?access_token={Uri.EscapeDataString(token)}"), body, null, cancellationToken))).Failure is { } failure
            ? new SendResult.Refused(failure)
            : new SendResult.Accepted(null);

    /// <summary>
    /// One API call with the channel's access token: WeChat answers 200 with an <c>errcode</c>; a token it calls invalid
    /// or expired is bought again once. Returns the answer, or why it failed (<paramref name="failureOf"/> reads an
    /// answer's failure; by default WeChat's <c>errcode</c>).
    /// </summary>
    private static async Task<(PlatformHttp.Answer? Answer, SendFailure? Failure)> CallAsync(
        SendContext context, Func<string, Task<(PlatformHttp.Answer? Answer, SendFailure? Unreachable)>> call, Func<PlatformHttp.Answer, SendFailure?>? failureOf = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await TokenAsync(context, CancellationToken.None) is SendResult.Refused { Failure: var tokenFailure })
            {
                return (null, tokenFailure);
            }

            var (answer, unreachable) = await call(context.Tokens.Token!);
            if (answer is not { } a)
            {
                return (null, unreachable);
            }

            if ((failureOf ?? (x => WeChatErrors.FromResponse(x.Status, x.Body)))(a) is not { } failure)
            {
                return (a, null);
            }

            if (attempt == 0 && failure.Error.Code is "40001" or "40014" or "42001")
            {
                context.Tokens.Token = null;
                continue;
            }

            return (null, failure);
        }
    }

    /// <summary><c>cgi-bin/media/get</c> answers the file, or JSON with an <c>errcode</c> when it cannot.</summary>
    public async Task<MediaFetch> FetchMediaAsync(SendContext context, string mediaId, CancellationToken cancellationToken)
    {
        var (file, failure) = await CallAsync(
            context,
            token => PlatformHttp.GetAsync(context.Http, new Uri(context.BaseUrl, $"cgi-bin/media/get?access_token={Uri.EscapeDataString(token)}&media_id={Uri.EscapeDataString(mediaId)}"),
                cancellationToken, maxBytes: PlatformHttp.MaxMediaBytes),
            f => f.ContentType is "application/json" or "text/plain" || !f.IsSuccess ? WeChatErrors.FromResponse(f.Status, f.Body) ?? PlatformHttp.DownloadFailed(f.Status) : null);
        return file is { } f ? new MediaFetch.Fetched(f.Body, f.ContentType, null) : new MediaFetch.Failed(failure!);
    }

    private static async Task<SendResult?> TokenAsync(SendContext context, CancellationToken cancellationToken)
    {
        if (context.Tokens.Token is not null && context.Now < context.Tokens.RefreshAt)
        {
            return null;
        }

        var url = new Uri(context.BaseUrl, "cgi-bin/token?grant_type=client_credential"
            + $"&appid={Uri.EscapeDataString(context.Field(WeChatAdapter.AppIdField))}&secret={Uri.EscapeDataString(context.Field(WeChatAdapter.AppSecretField))}");
        var (answer, unreachable) = await PlatformHttp.GetAsync(context.Http, url, cancellationToken);
        if (answer is not { } a)
        {
            return new SendResult.Refused(unreachable!);
        }

        var json = a.Json();
        if ((string?)json?["access_token"] is not { Length: > 0 } token)
        {
            // A token refused for the app's credentials (40013 invalid appid, 40125 invalid appsecret) is the admin's to fix.
            var failure = WeChatErrors.FromResponse(a.Status, a.Body)
                ?? new SendFailure(SendFailureKind.Unknown, new PlatformError("token", "WeChat gave no access token.", null), null);
            return new SendResult.Refused(failure.Kind == SendFailureKind.Unknown ? failure with { Kind = SendFailureKind.AuthExpired } : failure);
        }

        var lifetime = TimeSpan.FromSeconds((int?)json?["expires_in"] ?? 7200);
        context.Tokens.Token = token;
        context.Tokens.RefreshAt = context.Now + (lifetime > RefreshMargin * 2 ? lifetime - RefreshMargin : lifetime / 2);
        return null;
    }
}
