using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Testing;

namespace Inbox.Gateway.Tests;

/// <summary>Sign-in against the users stored in the cluster (hashed passwords, lockout), and the session cookie.</summary>
public sealed class SessionTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task A_seeded_user_signs_in_stays_signed_in_and_signs_out()
    {
        using var api = await InboxApi.SignInAsync(fixture.System.GatewayUrl, "admin@acme.test", "demo-admin");
        var me = await api.Http.GetFromJsonAsync<JsonElement>("api/v1/session", TestContext.Current.CancellationToken);
        Assert.Equal("Ada Admin", me.GetProperty("name").GetString());
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.Equal(InboxSystem.OrganisationId, me.GetProperty("organisationId").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await api.Http.DeleteAsync("api/v1/session", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Http.GetAsync("api/v1/session", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_sign_in_with_a_429_that_says_when_to_retry()
    {
        using var http = new HttpClient { BaseAddress = fixture.System.GatewayUrl };
        Task<HttpResponseMessage> SignIn(string password) =>
            http.PostAsJsonAsync("api/v1/session", new { email = "supervisor@acme.test", password }, TestContext.Current.CancellationToken);

        for (var i = 1; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn("wrong")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn("wrong")).StatusCode);
        var locked = await SignIn("demo-supervisor");
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.InRange(locked.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 300);
        using var problem = JsonDocument.Parse(await locked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("Too many wrong passwords: sign-in is locked for", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nobody@acme.test", "demo-agent")]
    [InlineData("not-an-email", "demo-agent")]
    public async Task An_unknown_email_gets_the_same_answer_as_a_wrong_password(string email, string password)
    {
        using var http = new HttpClient { BaseAddress = fixture.System.GatewayUrl };
        var response = await http.PostAsJsonAsync("api/v1/session", new { email, password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("The email or password is wrong.", problem.RootElement.GetProperty("detail").GetString());
    }
}
