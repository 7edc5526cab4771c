using System.Net;
using Inbox.Testing;

namespace Inbox.Gateway.Tests.Security;

/// <summary>Sessions expire when idle and are renewed by use, on a gateway whose idle timeout is three seconds.</summary>
public sealed class SessionLifetimeTests : IAsyncLifetime
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(3);
    private InboxSystem _system = null!;

    public async ValueTask InitializeAsync() =>
        _system = await InboxSystem.StartAsync(gatewaySettings: new Dictionary<string, string> { ["Inbox__Session__IdleTimeout"] = "00:00:03" });

    public async ValueTask DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task A_session_in_use_is_renewed_past_its_first_lifetime_and_an_idle_one_expires()
    {
        using var api = await _system.SignInAgentAsync();

        // Used past half its lifetime, the session is renewed: it outlives the three seconds after sign-in.
        for (var i = 0; i < 4; i++)
        {
            await Task.Delay(IdleTimeout * 0.6, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, (await api.Http.GetAsync("api/v1/session", TestContext.Current.CancellationToken)).StatusCode);
        }

        // Left idle for longer than the timeout, it has ended (the server refuses even a copy the browser kept).
        var cookies = api.Cookies.GetCookieHeader(_system.GatewayUrl);
        await Task.Delay(IdleTimeout + TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Http.GetAsync("api/v1/session", TestContext.Current.CancellationToken)).StatusCode);
        using var replay = new HttpRequestMessage(HttpMethod.Get, new Uri(_system.GatewayUrl, "api/v1/session"));
        replay.Headers.Add("Cookie", cookies);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(replay, TestContext.Current.CancellationToken)).StatusCode);
    }
}
