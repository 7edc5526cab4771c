using System.Text.Json.Nodes;

namespace Inbox.Simulator.Platforms;

/// <summary>
/// WeChat Official Account API: <c>cgi-bin/token</c> (each new token invalidates the app's previous one) and the
/// customer-service send, answering HTTP 200 with <c>{ errcode, errmsg }</c> as WeChat does.
/// </summary>
internal static class WeChatApi
{
    private static long _sent;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/wechat/cgi-bin/token", (HttpContext http, SimulatorState state) =>
        {
            var query = http.Request.Query;
            if (query["grant_type"] != "client_credential" || string.IsNullOrEmpty(query["appid"]) || string.IsNullOrEmpty(query["secret"]))
            {
                return Error(40013, "invalid appid");
            }

            if (state.IsRevoked("wechat", query["secret"]))
            {
                return Error(40125, "invalid appsecret, rid: 66a0b1c2-sim");
            }

            return Results.Json(new JsonObject { ["access_token"] = state.IssueWeChatToken(query["appid"]!, query["secret"]!), ["expires_in"] = 7200 });
        });

        app.MapPost("/wechat/cgi-bin/media/upload", async (HttpContext http, SimulatorState state) =>
        {
            var exchange = await Exchange.ReadAsync("wechat", http, state, state.WeChatApp(http.Request.Query["access_token"]));
            if (Refusal(exchange, state) is { } refusal)
            {
                return exchange.Answer(state, refusal, null, "/wechat/");
            }

            if (await exchange.FileAsync("media") is not { } upload || http.Request.Query["type"].ToString() is not ("image" or "voice" or "video" or "thumb"))
            {
                return exchange.Answer(state, Error(41005, "media data missing rid: 66a0b1c2-sim"), null, "/wechat/");
            }

            var mediaId = "sim_media_" + Guid.NewGuid().ToString("N");
            state.AddMedia("wechat", mediaId, new SimulatedFile(upload.Content, upload.File.ContentType, upload.File.FileName));
            return exchange.Answer(state, Results.Json(new JsonObject
            {
                ["type"] = http.Request.Query["type"].ToString(),
                ["media_id"] = mediaId,
                ["created_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            }), mediaId, "/wechat/");
        });

        app.MapPost("/wechat/cgi-bin/message/custom/send", async (HttpContext http, SimulatorState state) =>
        {
            var exchange = await Exchange.ReadAsync("wechat", http, state, state.WeChatApp(http.Request.Query["access_token"]));
            var (answer, id) = Send(exchange, state);
            return exchange.Answer(state, answer, id, "/wechat/");
        });
    }

    // What WeChat answers a call before looking at its body: a token that is not the app's latest (or whose AppSecret was
    // revoked), or the API quota used up. Quota errors carry no wait: WeChat says none.
    private static IResult? Refusal(Exchange exchange, SimulatorState state) =>
        !state.IsWeChatToken(exchange.Http.Request.Query["access_token"]) ? Error(40001, "invalid credential, access_token is invalid or not latest rid: 66a0b1c2-sim")
        : exchange.RetryAfterSeconds is not null ? Error(45009, "reach max api daily quota limit rid: 66a0b1c2-sim")
        : null;

    private static (IResult, string?) Send(Exchange exchange, SimulatorState state)
    {
        if (Refusal(exchange, state) is { } refusal)
        {
            return (refusal, null);
        }

        if (state.NextFault("wechat") is { } fault)
        {
            return (fault switch
            {
                Fault.TokenExpired => Error(42001, "access_token expired rid: 66a0b1c2-sim"),
                Fault.UserBlocked => Error(43004, "require subscribe rid: 66a0b1c2-sim"),
                Fault.RateLimited => Error(45011, "api minute-quota reach limit rid: 66a0b1c2-sim"),
                Fault.WindowClosed => Error(45015, "response out of time limit or subscription is canceled hint: [IVHYVA0391ge31]"),
                _ => Error(-1, "system error"),
            }, null);
        }

        var body = exchange.Json;
        var type = (string?)body?["msgtype"];
        var valid = !string.IsNullOrEmpty((string?)body?["touser"]) && type switch
        {
            "text" => (string?)body?["text"]?["content"] is { Length: > 0 },
            "msgmenu" => body?["msgmenu"]?["list"] is JsonArray { Count: > 0 },
            "image" or "voice" => (string?)body?[type]?["media_id"] is { Length: > 0 },
            _ => false,
        };
        if (!valid)
        {
            return (Error(47001, "data format error rid: 66a0b1c2-sim"), null);
        }

        // WeChat returns no message id; the simulator keeps one of its own to count accepted sends.
        return (Error(0, "ok"), $"wx-{Interlocked.Increment(ref _sent)}");
    }

    private static IResult Error(int code, string message) => Results.Json(new JsonObject { ["errcode"] = code, ["errmsg"] = message });
}
