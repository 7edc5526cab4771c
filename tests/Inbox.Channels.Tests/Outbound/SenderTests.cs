using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Inbox.Channels.Line;
using Inbox.Channels.Outbound;
using Inbox.Channels.Telegram;
using Inbox.Channels.WeChat;

namespace Inbox.Channels.Tests.Outbound;

/// <summary>
/// The senders' own logic against scripted platform answers: token caching and refresh, idempotency keys, URLs. What
/// each platform receives end to end is tested through the simulator in the gateway tests.
/// </summary>
public sealed class SenderTests
{
    private static readonly Uri Base = new("https://platform.test/");

    [Fact]
    public async Task WeChat_buys_one_token_for_many_sends_and_buys_again_once_when_it_is_refused()
    {
        var platform = new ScriptedPlatform(request => request.RequestUri!.AbsolutePath switch
        {
            "/cgi-bin/token" => Json("""{"access_token":"token-1","expires_in":7200}"""),
            _ => Json("""{"errcode":0,"errmsg":"ok"}"""),
        });
        var tokens = new AccessTokenCache();
        var context = Context(platform, new() { ["appId"] = "wx1", ["appSecret"] = "s" }, tokens);
        var sender = new WeChatSender();

        Assert.IsType<SendResult.Accepted>(await sender.SendAsync(context, new OutboundMessage("msg_1", "openid", "one"), TestContext.Current.CancellationToken));
        Assert.IsType<SendResult.Accepted>(await sender.SendAsync(context, new OutboundMessage("msg_2", "openid", "two"), TestContext.Current.CancellationToken));
        Assert.Single(platform.Requests, r => r.Path == "/cgi-bin/token");

        // Expired once: a new token, one retry. Expired again: the admin must look (the AppSecret may have changed).
        var expired = 0;
        platform.Answer = request => request.RequestUri!.AbsolutePath == "/cgi-bin/token"
            ? Json("""{"access_token":"token-2","expires_in":7200}""")
            : Interlocked.Increment(ref expired) <= 1 ? Json("""{"errcode":42001,"errmsg":"access_token expired"}""") : Json("""{"errcode":0,"errmsg":"ok"}""");
        Assert.IsType<SendResult.Accepted>(await sender.SendAsync(context, new OutboundMessage("msg_3", "openid", "three"), TestContext.Current.CancellationToken));
        Assert.Equal("token-2", tokens.Token);

        platform.Answer = request => request.RequestUri!.AbsolutePath == "/cgi-bin/token"
            ? Json("""{"access_token":"token-3","expires_in":7200}""")
            : Json("""{"errcode":40001,"errmsg":"invalid credential"}""");
        var refused = Assert.IsType<SendResult.Refused>(await sender.SendAsync(context, new OutboundMessage("msg_4", "openid", "four"), TestContext.Current.CancellationToken));
        Assert.Equal(SendFailureKind.AuthExpired, refused.Failure.Kind);
    }

    [Fact]
    public async Task LINE_sends_one_retry_key_per_message_and_counts_a_409_as_already_sent()
    {
        var platform = new ScriptedPlatform(_ => new HttpResponseMessage(HttpStatusCode.Conflict) { Content = new StringContent("""{"message":"The retry key is already accepted"}""") });
        var context = Context(platform, new() { ["accessToken"] = "t", ["channelSecret"] = "s" }, new AccessTokenCache());

        Assert.Equal(new SendResult.Accepted(null), await new LineSender().SendAsync(context, new OutboundMessage("msg_1", "U1", "hi"), TestContext.Current.CancellationToken));
        await new LineSender().SendAsync(context, new OutboundMessage("msg_1", "U1", "hi"), TestContext.Current.CancellationToken);
        await new LineSender().SendAsync(context, new OutboundMessage("msg_2", "U1", "hi"), TestContext.Current.CancellationToken);
        var keys = platform.Requests.Select(r => r.Headers["X-Line-Retry-Key"]).ToList();
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[0], keys[2]);
    }

    [Fact]
    public async Task Telegram_puts_the_bot_token_in_the_path_and_sends_numeric_chat_ids_as_numbers()
    {
        var platform = new ScriptedPlatform(_ => Json("""{"ok":true,"result":{"message_id":44,"chat":{"id":-1001234567890,"type":"supergroup"},"date":1717000120,"text":"hi"}}"""));
        var context = Context(platform, new() { ["botToken"] = "123456789:AAExample-token_0" }, new AccessTokenCache());

        var sent = await new TelegramSender().SendAsync(context, new OutboundMessage("msg_1", "-1001234567890", "hi", ["Yes", "No"]), TestContext.Current.CancellationToken);
        Assert.Equal(new SendResult.Accepted("-1001234567890:44"), sent);
        var request = Assert.Single(platform.Requests);
        Assert.Equal("/bot123456789:AAExample-token_0/sendMessage", request.Path);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(-1001234567890, (long)body["chat_id"]!);
        Assert.Equal("Yes", (string?)body["reply_markup"]!["keyboard"]![0]![0]!["text"]);
    }

    [Fact]
    public async Task A_platform_that_cannot_be_reached_is_a_transient_refusal_not_an_exception()
    {
        var platform = new ScriptedPlatform(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        var context = Context(platform, new() { ["botToken"] = "1:a" }, new AccessTokenCache());
        var refused = Assert.IsType<SendResult.Refused>(await new TelegramSender().SendAsync(context, new OutboundMessage("msg_1", "42", "hi"), TestContext.Current.CancellationToken));
        Assert.Equal((SendFailureKind.Transient, "network", false), (refused.Failure.Kind, refused.Failure.Error.Code, refused.Failure.MayHaveArrived));
    }

    [Fact]
    public async Task A_platform_that_took_the_request_but_never_answered_may_have_the_message()
    {
        var platform = new ScriptedPlatform(_ => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        var context = Context(platform, new() { ["botToken"] = "1:a" }, new AccessTokenCache());
        var refused = Assert.IsType<SendResult.Refused>(await new TelegramSender().SendAsync(context, new OutboundMessage("msg_1", "42", "hi"), TestContext.Current.CancellationToken));
        Assert.Equal((SendFailureKind.Transient, true), (refused.Failure.Kind, refused.Failure.MayHaveArrived));
    }

    private static SendContext Context(ScriptedPlatform platform, Dictionary<string, string> fields, AccessTokenCache tokens) =>
        new(new HttpClient(platform), Base, fields, tokens, DateTimeOffset.UtcNow);

    private static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>A platform whose answers the test scripts, recording what it was sent.</summary>
    private sealed class ScriptedPlatform(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public Func<HttpRequestMessage, HttpResponseMessage> Answer { get; set; } = answer;

        public List<(string Path, Dictionary<string, string> Headers, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.RequestUri!.AbsolutePath, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value)), body));
            return Answer(request);
        }
    }
}
