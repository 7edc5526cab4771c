using Inbox.Testing;
using Microsoft.AspNetCore.SignalR;

namespace Inbox.Gateway.Tests.Security;

/// <summary>The per-visitor message limit, on a gateway that lets a visitor send four messages a minute.</summary>
public sealed class VisitorMessageLimitTests : IAsyncLifetime
{
    private const int Limit = 4;
    private InboxSystem _system = null!;

    public async ValueTask InitializeAsync() =>
        _system = await InboxSystem.StartAsync(gatewaySettings: new Dictionary<string, string> { ["Inbox__RateLimits__WidgetMessagesPerMinute"] = $"{Limit}" });

    public async ValueTask DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task A_visitor_sending_faster_than_the_limit_is_told_to_slow_down_and_nothing_extra_is_stored()
    {
        await using var visitor = await WidgetConnection.ConnectAsync(_system.GatewayUrl, InboxSystem.WebsiteToken, $"{Guid.NewGuid():N}");
        for (var i = 0; i < Limit; i++)
        {
            await visitor.SendAsync($"message {i}", $"m-{i}");
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => visitor.SendAsync("one too many", "m-extra"));
        Assert.Contains("too fast", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Limit, (await visitor.HistoryAsync()).Items.Count);
    }

}
