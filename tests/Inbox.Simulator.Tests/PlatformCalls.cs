using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inbox.Testing;

namespace Inbox.Simulator.Tests;

/// <summary>Raw calls to the simulator, as a platform's client makes them: one valid text send per platform, and the control API.</summary>
internal sealed class PlatformCalls(PlatformSimulator simulator) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = simulator.Url };

    /// <summary>A send on <paramref name="platform"/> with <paramref name="credential"/> (bot token, bearer, access_token; WeChat: an access token).</summary>
    public async Task<HttpResponseMessage> SendAsync(string platform, string credential, string text, string account = "106540352242922")
    {
        using var request = platform switch
        {
            "telegram" => Post($"telegram/bot{credential}/sendMessage", new JsonObject { ["chat_id"] = 111222333, ["text"] = text }),
            "whatsapp" => Post($"whatsapp/v21.0/{account}/messages", new JsonObject
            {
                ["messaging_product"] = "whatsapp", ["to"] = "16505551234", ["type"] = "text", ["text"] = new JsonObject { ["body"] = text },
            }, credential),
            "messenger" or "instagram" => Post($"{platform}/v21.0/{account}/messages?access_token={Uri.EscapeDataString(credential)}", new JsonObject
            {
                ["recipient"] = new JsonObject { ["id"] = "24012345678901234" }, ["message"] = new JsonObject { ["text"] = text },
            }),
            "line" => Post("line/v2/bot/message/push", new JsonObject
            {
                ["to"] = "U0123456789abcdef0123456789abcdef", ["messages"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
            }, credential),
            "wechat" => Post($"wechat/cgi-bin/message/custom/send?access_token={Uri.EscapeDataString(credential)}", new JsonObject
            {
                ["touser"] = "oExampleOpenId_Abc123XyZ456", ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = text },
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
        };
        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>WeChat's <c>cgi-bin/token</c> answer for an app and its secret.</summary>
    public async Task<JsonNode> WeChatTokenAsync(string appId, string secret) =>
        JsonNode.Parse(await _http.GetStringAsync($"wechat/cgi-bin/token?grant_type=client_credential&appid={appId}&secret={secret}", TestContext.Current.CancellationToken))!;

    /// <summary>POSTs a control request (<c>simulator/limits</c>, <c>simulator/revoke</c>, …) and returns its status.</summary>
    public async Task<HttpResponseMessage> ControlAsync(string path, object body) =>
        await _http.PostAsJsonAsync($"simulator/{path}", body, TestContext.Current.CancellationToken);

    /// <summary><c>DELETE /simulator</c>.</summary>
    public async Task<HttpResponseMessage> ResetAsync() => await _http.DeleteAsync("simulator", TestContext.Current.CancellationToken);

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Post(string path, JsonObject body, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }
}
