using System.Net;
using System.Text.Json.Nodes;
using Inbox.Testing;

namespace Inbox.Simulator.Tests.Platforms;

/// <summary><c>POST /simulator/revoke</c>: a dead credential gets the platform's own auth error on every send; a new one works.</summary>
public sealed class RevocationTests
{
    [Fact]
    public async Task A_revoked_telegram_bot_token_gets_401_unauthorized_and_a_new_token_works()
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var calls = new PlatformCalls(simulator);
        Assert.Equal(HttpStatusCode.OK, (await calls.SendAsync("telegram", "123456789:OLD-token", "before")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await calls.ControlAsync("revoke", new { platform = "telegram", token = "123456789:OLD-token" })).StatusCode);

        using var refused = await calls.SendAsync("telegram", "123456789:OLD-token", "after");
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal((HttpStatusCode.Unauthorized, false, 401, "Unauthorized"), (refused.StatusCode, (bool)body["ok"]!, (int)body["error_code"]!, (string?)body["description"]));
        Assert.Equal(HttpStatusCode.OK, (await calls.SendAsync("telegram", "123456789:NEW-token", "with the new token")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_whatsapp_bearer_gets_graph_190_463_and_a_new_bearer_works()
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var calls = new PlatformCalls(simulator);
        await calls.ControlAsync("revoke", new { platform = "whatsapp", token = "EAAG_OLD" });

        using var refused = await calls.SendAsync("whatsapp", "EAAG_OLD", "after");
        var error = JsonNode.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!;
        Assert.Equal((HttpStatusCode.Unauthorized, 190, 463, "OAuthException"), (refused.StatusCode, (int)error["code"]!, (int)error["error_subcode"]!, (string?)error["type"]));
        Assert.StartsWith("Error validating access token: Session has expired", (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await calls.SendAsync("whatsapp", "EAAG_NEW", "with the new token")).StatusCode);
    }

    [Theory]
    [InlineData("messenger", HttpStatusCode.BadRequest)]
    [InlineData("instagram", HttpStatusCode.BadRequest)]
    [InlineData("line", HttpStatusCode.Unauthorized)]
    public async Task Revoked_messenger_instagram_and_line_tokens_get_their_platforms_auth_error(string platform, HttpStatusCode status)
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var calls = new PlatformCalls(simulator);
        simulator.State.Revoke(platform, "OLD");

        using var refused = await calls.SendAsync(platform, "OLD", "after");
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(status, refused.StatusCode);
        if (platform == "line")
        {
            Assert.StartsWith("Authentication failed", (string?)body["message"], StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal((190, 463), ((int)body["error"]!["code"]!, (int)body["error"]!["error_subcode"]!));
        }

        Assert.Equal(HttpStatusCode.OK, (await calls.SendAsync(platform, "NEW", "with the new token")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_wechat_app_secret_buys_no_token_and_the_tokens_it_bought_stop_working()
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var calls = new PlatformCalls(simulator);
        var token = (string)(await calls.WeChatTokenAsync("wx0123456789abcdef", "old-secret"))["access_token"]!;

        await calls.ControlAsync("revoke", new { platform = "wechat", token = "old-secret" });

        Assert.Equal(40125, (int)(await calls.WeChatTokenAsync("wx0123456789abcdef", "old-secret"))["errcode"]!);
        using var refused = await calls.SendAsync("wechat", token, "after");
        Assert.Equal((HttpStatusCode.OK, 40001), (refused.StatusCode, (int)JsonNode.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["errcode"]!));

        var fresh = (string)(await calls.WeChatTokenAsync("wx0123456789abcdef", "new-secret"))["access_token"]!;
        using var sent = await calls.SendAsync("wechat", fresh, "with the new secret");
        Assert.Equal(0, (int)JsonNode.Parse(await sent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["errcode"]!);
    }

    [Fact]
    public async Task A_revoked_token_downloads_no_media_either()
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = simulator.Url };
        simulator.State.AddMedia("line", "354718705033693859", new Inbox.Simulator.Platforms.SimulatedFile([1, 2, 3], "image/jpeg", null));
        simulator.State.Revoke("line", "OLD");

        using var request = new HttpRequestMessage(HttpMethod.Get, "line/v2/bot/message/354718705033693859/content");
        request.Headers.Authorization = new("Bearer", "OLD");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
    }
}
