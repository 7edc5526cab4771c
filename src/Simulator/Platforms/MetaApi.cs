using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Inbox.Simulator.Platforms;

/// <summary>
/// WhatsApp Cloud API and Messenger/Instagram Send API: Graph's request shapes, its success answers, and its error
/// envelope <c>{ error: { message, type, code, error_subcode, error_data, fbtrace_id } }</c> with the documented codes.
/// </summary>
internal static class MetaApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/whatsapp/{version}/{phoneNumberId}/messages", async (HttpContext http, string phoneNumberId, SimulatorState state) =>
        {
            var exchange = await Exchange.ReadAsync("whatsapp", http, state, phoneNumberId);
            var (answer, id) = WhatsApp(exchange, state);
            return exchange.Answer(state, answer, id, "/whatsapp/");
        });

        app.MapPost("/whatsapp/{version}/{phoneNumberId}/media", async (HttpContext http, string phoneNumberId, SimulatorState state) =>
        {
            var exchange = await Exchange.ReadAsync("whatsapp", http, state, phoneNumberId);
            if (WhatsAppRefusal(exchange, state) is { } refusal)
            {
                return exchange.Answer(state, refusal, null, "/whatsapp/");
            }

            if (exchange.Form?["messaging_product"].ToString() != "whatsapp" || await exchange.FileAsync("file") is not { } upload)
            {
                return exchange.Answer(state, Error(400, 100, null, "(#100) The parameter file is required.", "Upload the file in a 'file' part with messaging_product=whatsapp."), null, "/whatsapp/");
            }

            var id = "1" + RandomNumberGenerator.GetString("0123456789", 15);
            state.AddMedia("whatsapp", id, new SimulatedFile(upload.Content, upload.File.ContentType, upload.File.FileName));
            return exchange.Answer(state, Results.Json(new JsonObject { ["id"] = id }), id, "/whatsapp/");
        });

        foreach (var platform in new[] { "messenger", "instagram" })
        {
            app.MapPost($"/{platform}/{{version}}/{{accountId}}/messages", async (HttpContext http, string accountId, SimulatorState state) =>
            {
                var exchange = await Exchange.ReadAsync(platform, http, state, accountId);
                var (answer, id) = Messenger(exchange, state, platform);
                return exchange.Answer(state, answer, id, $"/{platform}/");
            });
        }
    }

    // What WhatsApp answers a send or upload before looking at its body: no token, a revoked token, the throughput limit.
    private static IResult? WhatsAppRefusal(Exchange exchange, SimulatorState state)
    {
        if (exchange.Bearer is null)
        {
            return Error(401, 190, null, "Invalid OAuth access token - Cannot parse access token");
        }

        if (state.IsRevoked("whatsapp", exchange.Bearer))
        {
            return SessionExpired(401);
        }

        return exchange.RetryAfterSeconds is { } wait ? ThroughputReached(exchange, wait) : null;
    }

    private static (IResult, string?) WhatsApp(Exchange exchange, SimulatorState state)
    {
        if (WhatsAppRefusal(exchange, state) is { } refusal)
        {
            return (refusal, null);
        }

        if (state.NextFault("whatsapp") is { } fault)
        {
            return (fault switch
            {
                Fault.TokenExpired => SessionExpired(401),
                Fault.UserBlocked => Error(400, 131026, null, "Message undeliverable", "Message Undeliverable."),
                Fault.RateLimited => ThroughputReached(exchange, 1),
                Fault.WindowClosed => Error(400, 131047, null, "Re-engagement message", "Message failed to send because more than 24 hours have passed since the customer last replied to this number."),
                _ => Error(500, 131000, null, "Something went wrong", "Message failed to send due to an unknown error."),
            }, null);
        }

        var body = exchange.Json;
        var to = (string?)body?["to"];
        var type = (string?)body?["type"];
        var problem = (string?)body?["messaging_product"] != "whatsapp" ? "messaging_product must be 'whatsapp'"
            : string.IsNullOrEmpty(to) ? "to is required"
            : type switch
            {
                "text" => (string?)body?["text"]?["body"] is { Length: > 0 and <= 4096 } ? null : "text.body must be 1-4096 characters",
                "interactive" => body?["interactive"]?["action"]?["buttons"] is JsonArray { Count: >= 1 and <= 3 } buttons
                    && buttons.All(b => (string?)b?["reply"]?["title"] is { Length: > 0 and <= 20 })
                    ? null : "interactive buttons: 1-3 reply buttons with titles of 1-20 characters",
                "image" or "document" or "audio" or "video" or "sticker" => body?[type]?["id"] is not null || body?[type]?["link"] is not null ? null : $"{type}.id or {type}.link is required",
                _ => $"type '{type}' is not supported",
            };
        if (problem is not null)
        {
            return (Error(400, 100, null, "(#100) Invalid parameter", problem), null);
        }

        var id = "wamid." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        return (Results.Json(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = to }),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = id, ["message_status"] = "accepted" }),
        }), id);
    }

    private static (IResult, string?) Messenger(Exchange exchange, SimulatorState state, string platform)
    {
        var accessToken = exchange.Http.Request.Query["access_token"].ToString();
        if (string.IsNullOrEmpty(accessToken))
        {
            return (Error(400, 190, null, "An active access token must be used to query information about the current user."), null);
        }

        // Graph answers OAuth errors on graph.facebook.com with HTTP 400 (WhatsApp's error table says 401 for its API).
        if (state.IsRevoked(platform, accessToken))
        {
            return (SessionExpired(400), null);
        }

        if (exchange.RetryAfterSeconds is not null)
        {
            return (CallsExceeded(), null);
        }

        if (state.NextFault(platform) is { } fault)
        {
            return (fault switch
            {
                Fault.TokenExpired => SessionExpired(400),
                Fault.UserBlocked => Error(400, 551, 1545041, "(#551) This person isn't available right now."),
                Fault.RateLimited => CallsExceeded(),
                Fault.WindowClosed => platform == "instagram"
                    ? Error(403, 10, 2534022, "This message is sent outside of allowed window.", type: "IGApiException")
                    : Error(400, 10, 2018278, "(#10) This message is sent outside of allowed window."),
                _ => Error(500, 2, null, "An unexpected error has occurred. Please retry your request later."),
            }, null);
        }

        // A JSON send, or an attachment upload: multipart with recipient and message as JSON strings and the file in filedata.
        var form = exchange.Form;
        var recipient = (string?)(form is null ? exchange.Json?["recipient"] : Parse(form["recipient"]))?["id"];
        var message = form is null ? exchange.Json?["message"] : Parse(form["message"]);
        var uploaded = form?.Files.GetFile("filedata") is not null;
        var problem = string.IsNullOrEmpty(recipient) ? "recipient.id is required"
            : message is null ? "message is required"
            : message["text"] is null && message["attachment"] is null ? "message.text or message.attachment is required"
            : message["attachment"]?["payload"] is { } payload && payload["url"] is null && payload["attachment_id"] is null && !uploaded ? "an attachment needs payload.url, payload.attachment_id or a filedata upload"
            : (string?)message["text"] is { Length: > 2000 } ? "message.text is longer than 2000 characters"
            : message["quick_replies"] is JsonArray { Count: > 13 } ? "at most 13 quick_replies"
            : null;
        if (problem is not null)
        {
            return (Error(400, 100, null, $"(#100) {problem}"), null);
        }

        var id = "m_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var answer = new JsonObject { ["recipient_id"] = recipient, ["message_id"] = id };
        if (uploaded)
        {
            answer["attachment_id"] = "1" + RandomNumberGenerator.GetString("0123456789", 12);
        }

        return (Results.Json(answer), id);
    }

    private static JsonNode? Parse(string? json)
    {
        try
        {
            return json is null ? null : JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Graph's answer to a token that expired or was revoked: code 190, subcode 463.</summary>
    private static IResult SessionExpired(int status) =>
        Error(status, 190, 463, "Error validating access token: Session has expired on Tuesday, 01-Jul-25 10:00:00 PDT.");

    /// <summary>WhatsApp's throughput limit (messages per second per phone number): HTTP 429, code 130429, and a Retry-After header.</summary>
    private static IResult ThroughputReached(Exchange exchange, int seconds)
    {
        exchange.AnnounceRetryAfter(seconds);
        return Error(429, 130429, null, "Rate limit hit", "Cloud API message throughput has been reached.");
    }

    /// <summary>Messenger's and Instagram's call rate limit: code 613, HTTP 400 like Graph's other errors there.</summary>
    private static IResult CallsExceeded() => Error(400, 613, null, "Calls to this api have exceeded the rate limit.");

    private static IResult Error(int status, int code, int? subcode, string message, string? details = null, string type = "OAuthException")
    {
        var error = new JsonObject
        {
            ["message"] = message,
            ["type"] = type,
            ["code"] = code,
            ["fbtrace_id"] = "Sim" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)),
        };
        if (subcode is not null)
        {
            error["error_subcode"] = subcode;
        }

        if (details is not null)
        {
            error["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = details };
        }

        return Results.Json(new JsonObject { ["error"] = error }, statusCode: status);
    }
}
