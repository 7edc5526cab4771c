using System.Net;
using System.Text.Json.Nodes;
using Inbox.Simulator.Platforms;
using Inbox.Testing;

namespace Inbox.Simulator.Tests.Platforms;

/// <summary>
/// <c>POST /simulator/limits</c>: a platform under load answers sends over its limit with its own rate-limit error, and
/// never accepts more than the limit in any sliding second.
/// </summary>
public sealed class RateLimitTests
{
    private const string Bot = "123456789:AAExample-token_0";

    [Fact]
    public async Task Twenty_rapid_telegram_sends_at_5_per_second_refuse_exactly_those_over_the_window_with_retry_after()
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var calls = new PlatformCalls(simulator);
        Assert.Equal(HttpStatusCode.NoContent, (await calls.ControlAsync("limits", new { platform = "telegram", perSecond = 5 })).StatusCode);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await calls.SendAsync("telegram", Bot, $"send {i}");
            return (Text: $"send {i}", response.StatusCode, Body: JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!);
        }));

        var received = simulator.Received("telegram");
        Assert.Equal(20, received.Count);
        Assert.InRange(received.Count(r => !r.Accepted), 1, 15);
        AssertNoWindowHoldsMoreThan(5, received);

        // Exactly those over the window: a send is refused if and only if the second before it already held 5 accepted.
        for (var i = 0; i < received.Count; i++)
        {
            var heldBefore = received.Take(i).Count(r => r.Accepted && r.At > received[i].At - TimeSpan.FromSeconds(1));
            Assert.Equal(heldBefore < 5, received[i].Accepted);
        }

        foreach (var (text, status, body) in answers)
        {
            var request = Assert.Single(received, r => r.Body.Contains($"\"{text}\"", StringComparison.Ordinal));
            if (request.Accepted)
            {
                Assert.Equal((HttpStatusCode.OK, true), (status, (bool)body["ok"]!));
                continue;
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, status);
            var retryAfter = (int)body["parameters"]!["retry_after"]!;
            Assert.Equal((false, 429, $"Too Many Requests: retry after {retryAfter}"), ((bool)body["ok"]!, (int)body["error_code"]!, (string?)body["description"]));
            Assert.Equal(1, retryAfter);
        }
    }

    [Fact]
    public async Task WhatsApp_over_its_limit_answers_http_429_with_graph_code_130429_and_a_retry_after_header()
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var calls = new PlatformCalls(simulator);
        await calls.ControlAsync("limits", new { platform = "whatsapp", perSecond = 1 });

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => calls.SendAsync("whatsapp", "EAAG_TOKEN", $"hi {i}")));

        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.OK).ToList();
        Assert.NotEmpty(refused);
        foreach (var answer in refused)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), answer.Headers.RetryAfter?.Delta);
            var error = JsonNode.Parse(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!;
            Assert.Equal((130429, "OAuthException"), ((int)error["code"]!, (string?)error["type"]));
        }

        AssertNoWindowHoldsMoreThan(1, simulator.Received("whatsapp"));
    }

    [Theory]
    [InlineData("messenger", HttpStatusCode.BadRequest, """{"code":613}""")]
    [InlineData("instagram", HttpStatusCode.BadRequest, """{"code":613}""")]
    [InlineData("line", HttpStatusCode.TooManyRequests, """{"message":"The API rate limit has been exceeded. Try again later."}""")]
    public async Task Messenger_instagram_and_line_over_their_limit_answer_their_own_rate_limit_errors(string platform, HttpStatusCode status, string expected)
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var calls = new PlatformCalls(simulator);
        await calls.ControlAsync("limits", new { platform, perSecond = 1 });

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => calls.SendAsync(platform, "EAAG_TOKEN", $"hi {i}")));

        var refused = answers.FirstOrDefault(a => a.StatusCode != HttpStatusCode.OK);
        Assert.NotNull(refused);
        Assert.Equal(status, refused.StatusCode);
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var part = platform == "line" ? body : body["error"]!;
        foreach (var (name, value) in JsonNode.Parse(expected)!.AsObject())
        {
            Assert.Equal(value!.ToJsonString(), part[name]!.ToJsonString());
        }

        Assert.Equal(platform == "line", refused.Headers.RetryAfter is not null);
        AssertNoWindowHoldsMoreThan(1, simulator.Received(platform));
    }

    [Fact]
    public async Task WeChat_over_its_limit_answers_errcode_45009_with_http_200()
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var calls = new PlatformCalls(simulator);
        var token = (string)(await calls.WeChatTokenAsync("wx0123456789abcdef", "secret"))["access_token"]!;
        await calls.ControlAsync("limits", new { platform = "wechat", perSecond = 1 });

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => calls.SendAsync("wechat", token, $"hi {i}")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var codes = await Task.WhenAll(answers.Select(async a => (int)JsonNode.Parse(await a.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["errcode"]!));
        Assert.Contains(45009, codes);
        Assert.All(codes, c => Assert.True(c is 0 or 45009));
        AssertNoWindowHoldsMoreThan(1, simulator.Received("wechat"));
    }

    [Fact]
    public async Task Uploads_count_against_the_limit_like_message_sends()
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = simulator.Url };
        simulator.State.Limit("telegram", 1);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent("111222333"), "chat_id" },
                { new ByteArrayContent([1, 2, 3]), "document", $"file{i}.pdf" },
            };
            return (await http.PostAsync($"telegram/bot{Bot}/sendDocument", form, TestContext.Current.CancellationToken)).StatusCode;
        }));

        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        AssertNoWindowHoldsMoreThan(1, simulator.Received("telegram"));
    }

    [Fact]
    public async Task Per_account_limits_give_each_bot_its_own_window()
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var calls = new PlatformCalls(simulator);
        await calls.ControlAsync("limits", new { platform = "telegram", perSecond = 2, perAccount = true });

        var bots = new[] { "1:first", "2:second" };
        await Task.WhenAll(bots.SelectMany(bot => Enumerable.Range(0, 10).Select(i => calls.SendAsync("telegram", bot, $"{bot} {i}"))));

        foreach (var bot in bots)
        {
            var sent = simulator.Received("telegram").Where(r => r.Path.StartsWith($"bot{bot}/", StringComparison.Ordinal)).ToList();
            Assert.Contains(sent, r => r.Accepted);
            Assert.Contains(sent, r => !r.Accepted);
            AssertNoWindowHoldsMoreThan(2, sent);
        }
    }

    [Fact]
    public async Task A_send_refused_for_another_reason_does_not_use_up_the_limit()
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var calls = new PlatformCalls(simulator);
        await calls.ControlAsync("limits", new { platform = "telegram", perSecond = 1 });
        simulator.State.Inject("telegram", Fault.UserBlocked);

        Assert.Equal(HttpStatusCode.Forbidden, (await calls.SendAsync("telegram", Bot, "blocked")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await calls.SendAsync("telegram", Bot, "")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calls.SendAsync("telegram", Bot, "goes through")).StatusCode);
    }

    [Fact]
    public async Task Removing_the_limit_lets_every_send_through()
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var calls = new PlatformCalls(simulator);
        await calls.ControlAsync("limits", new { platform = "telegram", perSecond = 1 });
        await calls.ControlAsync("limits", new { platform = "telegram", perSecond = (int?)null });

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => calls.SendAsync("telegram", Bot, $"free {i}")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    [Fact]
    public async Task The_rate_limited_fault_asks_telegram_clients_to_wait_one_second()
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        using var calls = new PlatformCalls(simulator);
        simulator.State.Inject("telegram", Fault.RateLimited);

        using var answer = await calls.SendAsync("telegram", Bot, "faulted");
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal((HttpStatusCode.TooManyRequests, 1, "Too Many Requests: retry after 1"), (answer.StatusCode, (int)body["parameters"]!["retry_after"]!, (string?)body["description"]));
    }

    /// <summary>No <paramref name="limit"/> + 1 accepted sends within one second of each other, by their recorded arrival.</summary>
    internal static void AssertNoWindowHoldsMoreThan(int limit, IReadOnlyList<ReceivedRequest> received)
    {
        var accepted = received.Where(r => r.Accepted).Select(r => r.At).ToList();
        for (var i = 0; i + limit < accepted.Count; i++)
        {
            Assert.True(accepted[i + limit] - accepted[i] >= TimeSpan.FromSeconds(1), $"{limit + 1} sends accepted within {(accepted[i + limit] - accepted[i]).TotalMilliseconds} ms");
        }
    }
}
