using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Inbox.Simulator.Platforms;

/// <summary>Telegram Bot API: <c>/bot{token}/{method}</c>, answers <c>{ ok, result }</c> or <c>{ ok: false, error_code, description, parameters }</c>.</summary>
internal static partial class TelegramApi
{
    private static long _messageIds = 1000;

    public static void Map(IEndpointRouteBuilder app) =>
        // "{bot}" whole: ASP.NET's "bot{token}" segment fails to match a token that itself contains "bot".
        app.MapPost("/telegram/{bot}/{method}", async (HttpContext http, string bot, string method, SimulatorState state) =>
        {
            var token = bot.StartsWith("bot", StringComparison.Ordinal) ? bot[3..] : null;
            var exchange = await Exchange.ReadAsync("telegram", http, state, token);
            var (answer, id) = token is not null ? Handle(exchange, state, token, method) : (Error(404, "Not Found"), null);
            return exchange.Answer(state, answer, id, "/telegram/");
        });

    private static (IResult, string?) Handle(Exchange exchange, SimulatorState state, string token, string method)
    {
        if (!BotToken().IsMatch(token) || state.IsRevoked("telegram", token))
        {
            return (Error(401, "Unauthorized"), null);
        }

        if (method is not ("sendMessage" or "sendPhoto" or "sendDocument"))
        {
            return (Error(404, "Not Found"), null);
        }

        if (exchange.RetryAfterSeconds is { } wait)
        {
            return (TooManyRequests(wait), null);
        }

        if (state.NextFault("telegram") is { } fault)
        {
            return (fault switch
            {
                Fault.TokenExpired => Error(401, "Unauthorized"),
                Fault.UserBlocked => Error(403, "Forbidden: bot was blocked by the user"),

                // One second, not Telegram's usual tens: a test that waits it out stays quick.
                Fault.RateLimited => TooManyRequests(1),
                Fault.WindowClosed => Error(403, "Forbidden: bot can't initiate conversation with a user"),
                _ => Error(500, "Internal Server Error"),
            }, null);
        }

        if (method != "sendMessage")
        {
            return SendFile(exchange, token, method == "sendPhoto" ? "photo" : "document");
        }

        var chatId = exchange.Json?["chat_id"];
        var text = (string?)exchange.Json?["text"];
        if (chatId is null)
        {
            return (Error(400, "Bad Request: chat_id is empty"), null);
        }

        if (string.IsNullOrEmpty(text))
        {
            return (Error(400, "Bad Request: message text is empty"), null);
        }

        if (text.Length > 4096)
        {
            return (Error(400, "Bad Request: message is too long"), null);
        }

        var messageId = Interlocked.Increment(ref _messageIds);
        var result = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = long.Parse(token.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture), ["is_bot"] = true, ["first_name"] = "Support", ["username"] = "sim_support_bot" },
            ["chat"] = new JsonObject { ["id"] = chatId.DeepClone(), ["type"] = "private" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        };
        return (Results.Json(new JsonObject { ["ok"] = true, ["result"] = result }), $"{chatId}:{messageId}");
    }

    // sendPhoto / sendDocument as multipart: chat_id, the file (or a file_id / URL string) and an optional caption.
    private static (IResult, string?) SendFile(Exchange exchange, string token, string field)
    {
        var form = exchange.Form;
        var chatId = form?["chat_id"].ToString();
        var file = form?.Files.GetFile(field);
        if (string.IsNullOrEmpty(chatId))
        {
            return (Error(400, "Bad Request: chat_id is empty"), null);
        }

        if (file is null && string.IsNullOrEmpty(form?[field]))
        {
            return (Error(400, $"Bad Request: there is no {field} in the request"), null);
        }

        if (form?["caption"].ToString() is { Length: > 1024 })
        {
            return (Error(400, "Bad Request: message caption is too long"), null);
        }

        var messageId = Interlocked.Increment(ref _messageIds);
        JsonNode content = field == "photo"
            ? new JsonArray(new JsonObject { ["file_id"] = $"AgAC{messageId}", ["file_unique_id"] = $"AQAD{messageId}", ["file_size"] = file?.Length ?? 0, ["width"] = 1280, ["height"] = 960 })
            : new JsonObject { ["file_id"] = $"BQAC{messageId}", ["file_unique_id"] = $"AgAD{messageId}", ["file_name"] = file?.FileName, ["mime_type"] = file?.ContentType, ["file_size"] = file?.Length ?? 0 };
        var result = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = long.Parse(token.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture), ["is_bot"] = true, ["first_name"] = "Support", ["username"] = "sim_support_bot" },
            ["chat"] = new JsonObject { ["id"] = long.TryParse(chatId, out var numeric) ? numeric : chatId, ["type"] = "private" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            [field] = content,
        };
        if (form?["caption"].ToString() is { Length: > 0 } caption)
        {
            result["caption"] = caption;
        }

        return (Results.Json(new JsonObject { ["ok"] = true, ["result"] = result }), $"{chatId}:{messageId}");
    }

    // Telegram's flood control: the wait is in the description and, as a number, in parameters.retry_after.
    private static IResult TooManyRequests(int seconds) =>
        Error(429, $"Too Many Requests: retry after {seconds}", new JsonObject { ["retry_after"] = seconds });

    private static IResult Error(int code, string description, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null)
        {
            body["parameters"] = parameters;
        }

        return Results.Json(body, statusCode: code);
    }

    [GeneratedRegex("^[0-9]{1,20}:[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex BotToken();
}
