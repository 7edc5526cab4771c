using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inbox.Testing;

namespace Inbox.Simulator.Tests.Control;

/// <summary>The control API under <c>/simulator</c>: what it accepts, what <c>DELETE</c> forgets, and what <c>requests</c> lists.</summary>
public sealed class ControlApiTests
{
    [Fact]
    public async Task Reset_forgets_limits_and_revocations()
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var calls = new PlatformCalls(simulator);
        await calls.ControlAsync("limits", new { platform = "telegram", perSecond = 1 });
        await calls.ControlAsync("revoke", new { platform = "telegram", token = "1:revoked" });
        await calls.ControlAsync("revoke", new { platform = "whatsapp", token = "EAAG_OLD" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await calls.SendAsync("telegram", "1:revoked", "dead")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await calls.ResetAsync()).StatusCode);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => calls.SendAsync("telegram", "1:revoked", $"alive {i}")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await calls.SendAsync("whatsapp", "EAAG_OLD", "alive")).StatusCode);
    }

    [Theory]
    [InlineData("limits", """{ "platform": "WhatsApp", "perSecond": 5 }""", "platform")]
    [InlineData("limits", """{ "platform": "whatsapp", "perSecond": -1 }""", "perSecond")]
    [InlineData("revoke", """{ "platform": "telegrm", "token": "1:a" }""", "platform")]
    [InlineData("revoke", """{ "platform": "telegram", "token": "" }""", "token")]
    public async Task A_setting_for_no_known_platform_or_with_a_bad_value_is_a_400_problem(string path, string body, string field)
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = simulator.Url };

        using var answer = await http.PostAsync($"simulator/{path}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.NotNull(problem?["errors"]?[field]);
    }

    [Fact]
    public async Task Requests_are_listed_in_the_order_they_arrived_with_strictly_increasing_times()
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var calls = new PlatformCalls(simulator);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => calls.SendAsync(i % 2 == 0 ? "telegram" : "line", i % 2 == 0 ? "1:a" : "token", $"n{i}")));
        for (var i = 0; i < 3; i++)
        {
            await calls.SendAsync("telegram", "1:a", $"then {i}");
        }

        using var http = new HttpClient { BaseAddress = simulator.Url };
        var listed = (await http.GetFromJsonAsync<JsonArray>("simulator/requests", TestContext.Current.CancellationToken))!;
        var times = listed.Select(r => DateTimeOffset.Parse((string)r!["at"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(23, times.Count);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.First < pair.Second));
        Assert.Equal(["then 0", "then 1", "then 2"], listed.TakeLast(3).Select(r => (string?)JsonNode.Parse((string)r!["body"]!)!["text"]));

        var telegram = (await http.GetFromJsonAsync<JsonArray>("simulator/requests?platform=telegram", TestContext.Current.CancellationToken))!;
        Assert.Equal(13, telegram.Count);
    }
}
