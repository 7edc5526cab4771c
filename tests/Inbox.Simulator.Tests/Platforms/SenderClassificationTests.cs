using Inbox.Channels;
using Inbox.Channels.Outbound;
using Inbox.Testing;

namespace Inbox.Simulator.Tests.Platforms;

/// <summary>
/// The inbox's real senders (src/Channels) against the simulator's limits and revocations: what the simulator answers
/// must be classified as the real platform's answer is, rate limits with the wait the platform announced and dead
/// credentials as an admin's to fix. Otherwise tests that rely on the simulator would test a platform that does not exist.
/// </summary>
public sealed class SenderClassificationTests
{
    public static TheoryData<string, int?> RateLimits => new()
    {
        { "telegram", 1 },
        { "whatsapp", 1 },
        { "messenger", null },
        { "instagram", null },
        { "line", 1 },
        { "wechat", null },
    };

    public static TheoryData<string, string> AuthErrors => new()
    {
        { "telegram", "401" },
        { "whatsapp", "190/463" },
        { "messenger", "190/463" },
        { "instagram", "190/463" },
        { "line", "401" },
        { "wechat", "40125" },
    };

    [Theory]
    [MemberData(nameof(RateLimits))]
    public async Task A_send_over_the_limit_is_classified_rate_limited_with_the_announced_wait(string platform, int? retryAfterSeconds)
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        var context = Context(simulator, platform);
        var sender = ChannelSenders.For(platform)!;

        // One send first: WeChat's sender buys its token with it, so the parallel sends below share that token.
        Assert.IsType<SendResult.Accepted>(await sender.SendAsync(context, new OutboundMessage("msg_0", Recipient(platform), "first"), TestContext.Current.CancellationToken));
        simulator.State.Limit(platform, 1);
        var results = await Task.WhenAll(Enumerable.Range(1, 5).Select(i =>
            sender.SendAsync(context, new OutboundMessage($"msg_{i}", Recipient(platform), $"burst {i}"), TestContext.Current.CancellationToken)));

        var refusals = results.OfType<SendResult.Refused>().ToList();
        Assert.NotEmpty(refusals);
        Assert.All(refusals, r => Assert.Equal(
            (SendFailureKind.RateLimited, retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null),
            (r.Failure.Kind, r.Failure.RetryAfter)));
    }

    [Theory]
    [MemberData(nameof(AuthErrors))]
    public async Task A_send_with_a_revoked_credential_is_classified_auth_expired(string platform, string code)
    {
        await using var simulator = await PlatformSimulator.StartAsync();
        var context = Context(simulator, platform);
        var sender = ChannelSenders.For(platform)!;
        Assert.IsType<SendResult.Accepted>(await sender.SendAsync(context, new OutboundMessage("msg_0", Recipient(platform), "before"), TestContext.Current.CancellationToken));

        simulator.State.Revoke(platform, context.Fields[platform switch { "telegram" => "botToken", "wechat" => "appSecret", _ => "accessToken" }]);

        var refused = Assert.IsType<SendResult.Refused>(await sender.SendAsync(context, new OutboundMessage("msg_1", Recipient(platform), "after"), TestContext.Current.CancellationToken));
        Assert.Equal((SendFailureKind.AuthExpired, code), (refused.Failure.Kind, refused.Failure.Error.Code));
    }

    private static SendContext Context(PlatformSimulator simulator, string platform)
    {
        Dictionary<string, string> fields = platform switch
        {
            "telegram" => new() { ["botToken"] = "123456789:AAExample-token_0" },
            "whatsapp" => new() { ["phoneNumberId"] = "106540352242922", ["accessToken"] = "EAAG_EXAMPLE" },
            "messenger" or "instagram" => new() { ["accountId"] = "1122334455", ["accessToken"] = "EAAG_PAGE", ["appSecret"] = "app-secret" },
            "line" => new() { ["accessToken"] = "line-channel-token", ["channelSecret"] = "channel-secret" },
            "wechat" => new() { ["appId"] = "wx0123456789abcdef", ["appSecret"] = "app-secret" },
            _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
        };
        return new SendContext(new HttpClient(), SimulatorApp.BaseUrls(simulator.Url)[platform], fields, new AccessTokenCache(), DateTimeOffset.UtcNow);
    }

    private static string Recipient(string platform) => platform switch
    {
        "telegram" => "111222333",
        "whatsapp" => "16505551234",
        "line" => "U0123456789abcdef0123456789abcdef",
        "wechat" => "oExampleOpenId_Abc123XyZ456",
        _ => "24012345678901234",
    };
}
