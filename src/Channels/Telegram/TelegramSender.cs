using System.Globalization;
using System.Text.Json.Nodes;
using Inbox.Channels.Outbound;

namespace Inbox.Channels.Telegram;

/// <summary>
/// Telegram Bot API <c>sendMessage</c>, as plain JSON over the channels' HTTP pipeline (not Telegram.Bot's client, whose
/// built-in 429 retries would hide rate limits from the channel, and whose exceptions would bypass the error
/// classifier that reads Telegram's own answers). Quick replies become a one-time reply keyboard.
/// </summary>
public sealed class TelegramSender : IChannelSender
{
    private const int MaxCaption = 1024;

    public string Platform => TelegramAdapter.PlatformName;

    public Uri DefaultBaseUrl { get; } = new("https://api.telegram.org/");

    // Telegram's Bot FAQ: about 30 messages/s overall, and no more than about one a second in one chat (short bursts
    // tolerated); 429 with retry_after beyond.
    public SendLimits Limits { get; } = new(30, 3, RecipientPerSecond: 1, RecipientBurst: 3);

    /// <summary><c>getFile</c> gives a <c>file_path</c> (valid at least an hour), fetched from <c>{base}file/bot{token}/{file_path}</c>.</summary>
    public async Task<MediaFetch> FetchMediaAsync(SendContext context, string mediaId, CancellationToken cancellationToken)
    {
        var (info, unreachable) = await PlatformHttp.GetAsync(context.Http, Method(context, $"getFile?file_id={Uri.EscapeDataString(mediaId)}"), cancellationToken);
        if (info is not { } i)
        {
            return new MediaFetch.Failed(unreachable!);
        }

        if (!i.IsSuccess || (string?)i.Json()?["result"]?["file_path"] is not { Length: > 0 } path)
        {
            return new MediaFetch.Failed(TelegramErrors.FromResponse(i.Status, i.Body));
        }

        var (file, unreachableFile) = await PlatformHttp.GetAsync(context.Http, File(context, path), cancellationToken, maxBytes: PlatformHttp.MaxMediaBytes);
        return file switch
        {
            null => new MediaFetch.Failed(unreachableFile!),
            { IsSuccess: false } f => new MediaFetch.Failed(PlatformHttp.DownloadFailed(f.Status)),
            var f => new MediaFetch.Fetched(f.Value.Body, f.Value.ContentType, Path.GetFileName(path)),
        };
    }

    /// <summary>
    /// The name comes with every update; the picture from <c>getUserProfilePhotos</c> (the newest photo's largest size)
    /// and <c>getFile</c>. The file link carries the bot token, so it is only ever fetched by the inbox, never shown.
    /// </summary>
    public async Task<PlatformProfile?> FetchProfileAsync(SendContext context, string userId, CancellationToken cancellationToken)
    {
        var (photos, _) = await PlatformHttp.GetAsync(context.Http, Method(context, $"getUserProfilePhotos?user_id={Uri.EscapeDataString(userId)}&limit=1"), cancellationToken);
        if (photos is not { IsSuccess: true } p || p.Json()?["result"]?["photos"]?[0] is not JsonArray sizes || (string?)sizes[^1]?["file_id"] is not { } fileId)
        {
            return null;
        }

        var (file, _) = await PlatformHttp.GetAsync(context.Http, Method(context, $"getFile?file_id={Uri.EscapeDataString(fileId)}"), cancellationToken);
        return file is { IsSuccess: true } f && (string?)f.Json()?["result"]?["file_path"] is { Length: > 0 } path
            ? new PlatformProfile(null, File(context, path))
            : null;
    }

    public async Task<SendResult> SendAsync(SendContext context, OutboundMessage message, CancellationToken cancellationToken)
    {
        JsonNode chatId = long.TryParse(message.RecipientId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var numeric)
            ? JsonValue.Create(numeric)
            : JsonValue.Create(message.RecipientId);
        var body = new JsonObject { ["chat_id"] = chatId, ["text"] = message.Text };
        if (message.QuickReplies is { Count: > 0 } replies)
        {
            body["reply_markup"] = new JsonObject
            {
                ["keyboard"] = new JsonArray([.. replies.Select(title => (JsonNode)new JsonArray(new JsonObject { ["text"] = title }))]),
                ["one_time_keyboard"] = true,
                ["resize_keyboard"] = true,
            };
        }

        (PlatformHttp.Answer? Answer, SendFailure? Unreachable) exchange;
        if (message.File is { } file)
        {
            // sendPhoto for pictures, sendDocument for anything else; the text is the caption (up to 1,024 characters).
            var field = file.IsImage ? "photo" : "document";
            using var form = new MultipartFormDataContent
            {
                { new StringContent(chatId.ToJsonString().Trim('"')), "chat_id" },
                { PlatformHttp.FilePart(file), field, file.FileName },
            };
            if (message.Text.Length > 0)
            {
                form.Add(new StringContent(PlatformHttp.Cut(message.Text, MaxCaption)), "caption");
            }

            exchange = await PlatformHttp.PostFormAsync(context.Http, Method(context, file.IsImage ? "sendPhoto" : "sendDocument"), form, null, cancellationToken);
        }
        else
        {
            exchange = await PlatformHttp.PostJsonAsync(context.Http, Method(context, "sendMessage"), body, null, cancellationToken);
        }

        var (answer, unreachable) = exchange;
        if (answer is not { } a)
        {
            return new SendResult.Refused(unreachable!);
        }

        var json = a.Json();
        return a.IsSuccess && (bool?)json?["ok"] == true && json?["result"]?["message_id"] is { } id
            ? new SendResult.Accepted($"{message.RecipientId}:{id}")
            : new SendResult.Refused(TelegramErrors.FromResponse(a.Status, a.Body));
    }

    // "./": a bot token has a colon, which would otherwise read as a URI scheme.
    private static Uri Method(SendContext context, string method) =>
        new(context.BaseUrl, $"./bot{context.Field(TelegramAdapter.BotTokenField)}/{method}");

    private static Uri File(SendContext context, string path) =>
        new(context.BaseUrl, $"./file/bot{context.Field(TelegramAdapter.BotTokenField)}/{path}");
}
