using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Inbox.Simulator.Platforms;

/// <summary>
/// Each platform's way of handing over a file a customer sent: WhatsApp's media id → short-lived URL (bearer on both),
/// Messenger's CDN URL, Telegram's getFile → file path, LINE's content endpoint, WeChat's media/get. A revoked token
/// downloads nothing, as it sends nothing.
/// </summary>
internal static class MediaApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/whatsapp/{version}/{mediaId}", (HttpContext http, string mediaId, SimulatorState state) =>
        {
            if (BearerMissing(http))
            {
                return Results.Json(GraphError(190, "Invalid OAuth access token - Cannot parse access token"), statusCode: 401);
            }

            if (state.IsRevoked("whatsapp", Exchange.BearerOf(http)))
            {
                return Results.Json(GraphError(190, "Error validating access token: Session has expired on Tuesday, 01-Jul-25 10:00:00 PDT."), statusCode: 401);
            }

            if (state.Media("whatsapp", mediaId) is not { } file)
            {
                return Results.Json(GraphError(100, $"Unsupported get request. Object with ID '{mediaId}' does not exist"), statusCode: 400);
            }

            return Results.Json(new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["url"] = $"{http.Request.Scheme}://{http.Request.Host}/whatsapp/download/{Uri.EscapeDataString(mediaId)}?ext={DateTimeOffset.UtcNow.ToUnixTimeSeconds()}",
                ["mime_type"] = file.MimeType,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(file.Content)),
                ["file_size"] = file.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["id"] = mediaId,
            });
        });
        app.MapGet("/whatsapp/download/{mediaId}", (HttpContext http, string mediaId, SimulatorState state) =>
            BearerMissing(http) || state.IsRevoked("whatsapp", Exchange.BearerOf(http)) ? Results.StatusCode(401) : File(state.Media("whatsapp", mediaId)));

        foreach (var platform in new[] { "messenger", "instagram" })
        {
            app.MapGet($"/{platform}/cdn/{{mediaId}}", (string mediaId, SimulatorState state) => File(state.Media(platform, mediaId)));
        }

        // "{bot}" whole: ASP.NET's "bot{token}" segment fails to match a token that itself contains "bot".
        app.MapGet("/telegram/{bot}/getFile", (string bot, string? file_id, SimulatorState state) =>
            TelegramTokenRevoked(bot, state) ? Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 401, ["description"] = "Unauthorized" }, statusCode: 401)
            : bot.StartsWith("bot", StringComparison.Ordinal) && file_id is not null && state.Media("telegram", file_id) is { } file
                ? Results.Json(new JsonObject
                {
                    ["ok"] = true,
                    ["result"] = new JsonObject
                    {
                        ["file_id"] = file_id,
                        ["file_unique_id"] = "AQAD" + file_id.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
                        ["file_size"] = file.Content.Length,
                        ["file_path"] = $"photos/{file_id}.jpg",
                    },
                })
                : Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 400, ["description"] = "Bad Request: invalid file_id" }, statusCode: 400));
        app.MapGet("/telegram/file/{bot}/photos/{name}", (string bot, string name, SimulatorState state) =>
            TelegramTokenRevoked(bot, state) ? Results.StatusCode(401) : File(state.Media("telegram", Path.GetFileNameWithoutExtension(name))));

        app.MapGet("/line/v2/bot/message/{messageId}/content", (HttpContext http, string messageId, SimulatorState state) =>
            BearerMissing(http) || state.IsRevoked("line", Exchange.BearerOf(http))
                ? Results.Json(new JsonObject { ["message"] = "Authentication failed. Confirm that the access token in the authorization header is valid." }, statusCode: 401)
                : state.Media("line", messageId) is { } file ? File(file) : Results.Json(new JsonObject { ["message"] = "Not found" }, statusCode: 404));

        app.MapGet("/wechat/cgi-bin/media/get", (string? access_token, string? media_id, SimulatorState state) =>
            !state.IsWeChatToken(access_token) ? Results.Json(new JsonObject { ["errcode"] = 40001, ["errmsg"] = "invalid credential, access_token is invalid or not latest" })
            : media_id is not null && state.Media("wechat", media_id) is { } file ? File(file)
            : Results.Json(new JsonObject { ["errcode"] = 40007, ["errmsg"] = "invalid media_id" }));
    }

    private static bool TelegramTokenRevoked(string bot, SimulatorState state) =>
        bot.StartsWith("bot", StringComparison.Ordinal) && state.IsRevoked("telegram", bot[3..]);

    private static bool BearerMissing(HttpContext http) => !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal);

    private static IResult File(SimulatedFile? file) => file is null ? Results.NotFound() : Results.Bytes(file.Content, file.MimeType);

    private static JsonObject GraphError(int code, string message) =>
        new() { ["error"] = new JsonObject { ["message"] = message, ["type"] = "OAuthException", ["code"] = code, ["fbtrace_id"] = "SimMedia" } };
}
