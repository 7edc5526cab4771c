using System.Net;
using System.Net.Http.Json;
using Inbox.Testing;

namespace Inbox.Gateway.Tests.Security;

/// <summary>The per-address abuse limits, on a gateway configured with small ones.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int Limit = 4;
    private InboxSystem _system = null!;

    public async ValueTask InitializeAsync() =>
        _system = await InboxSystem.StartAsync(gatewaySettings: new Dictionary<string, string>
        {
            ["Inbox__RateLimits__SignInPerMinute"] = $"{Limit}",
            ["Inbox__RateLimits__WidgetConnectionsPerMinute"] = $"{Limit}",
        });

    public async ValueTask DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Sign_in_attempts_over_the_limit_get_429_with_retry_after_even_for_different_emails()
    {
        using var http = new HttpClient { BaseAddress = _system.GatewayUrl };
        for (var i = 0; i < Limit; i++)
        {
            var attempt = await http.PostAsJsonAsync("api/v1/session", new { email = $"guess{i}@acme.test", password = "guess" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }

        var limited = await http.PostAsJsonAsync("api/v1/session", new { email = InboxSystem.AgentEmail, password = InboxSystem.AgentPassword }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Contains("Too many requests", await limited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var accept = await http.PostAsJsonAsync("api/v1/invitations/accept", new { token = "whatever", password = "whatever-password" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, accept.StatusCode);
    }

    [Fact]
    public async Task Widget_connection_requests_over_the_limit_get_429()
    {
        using var http = new HttpClient { BaseAddress = _system.GatewayUrl };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Limit; i++)
        {
            var negotiate = await http.PostAsync(
                $"hubs/widget/negotiate?negotiateVersion=1&websiteToken={InboxSystem.WebsiteToken}&visitorToken={Guid.NewGuid():N}", null, TestContext.Current.CancellationToken);
            statuses.Add(negotiate.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, Limit), HttpStatusCode.TooManyRequests], statuses);
    }
}
