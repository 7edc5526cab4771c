using Inbox.Gateway.Realtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Gateway.Tests.Realtime;

/// <summary>A hub's request, which lives as long as its connection, lets go of the session cookie once it is authorised.</summary>
public sealed class HubRequestTrimmingTests
{
    private const string Cookie = "inbox.session=CfDJ8-a-protected-ticket";

    [Fact]
    public async Task A_hub_request_reaches_its_hub_without_the_session_cookie()
    {
        var seen = await PassAsync(new Endpoint(null, new EndpointMetadataCollection(new HubMetadata(typeof(InboxHub))), "/hubs/inbox"));

        Assert.Empty(seen.Request.Headers.Cookie.ToString());
        Assert.Empty(seen.Request.Cookies);
    }

    [Fact]
    public async Task Every_other_request_keeps_its_cookies()
    {
        var seen = await PassAsync(new Endpoint(null, EndpointMetadataCollection.Empty, "/api/v1/conversations"));

        Assert.Equal(Cookie, seen.Request.Headers.Cookie.ToString());
        Assert.Equal("CfDJ8-a-protected-ticket", seen.Request.Cookies["inbox.session"]);
    }

    private static async Task<HttpContext> PassAsync(Endpoint endpoint)
    {
        HttpContext? seen = null;
        var app = new ApplicationBuilder(new ServiceCollection().BuildServiceProvider());
        app.UseHubRequestTrimming();
        app.Run(http =>
        {
            seen = http;
            return Task.CompletedTask;
        });

        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = Cookie;
        // Authentication has read the cookie by now, so its parsed form is there too.
        Assert.NotEmpty(http.Request.Cookies);
        http.SetEndpoint(endpoint);
        await app.Build()(http);
        return seen!;
    }
}
