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
    public async Task Signing_out_ends_the_session_on_the_server_so_a_kept_copy_of_the_cookie_no_longer_works()
    {
        using var api = await InboxApi.SignInAsync(fixture.System.GatewayUrl, InboxSystem.AgentEmail, InboxSystem.AgentPassword);
        using var other = await InboxApi.SignInAsync(fixture.System.GatewayUrl, InboxSystem.AgentEmail, InboxSystem.AgentPassword);
        var copy = api.Cookies.GetCookieHeader(fixture.System.GatewayUrl);

        Assert.Equal(HttpStatusCode.NoContent, (await api.Http.DeleteAsync("api/v1/session", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await GetSessionWithCookieAsync(copy));

        // The same user's other session (another browser) is untouched.
        Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync("api/v1/session", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_and_cuts_live_connections()
    {
        using var laptop = await InboxApi.SignInAsync(fixture.System.GatewayUrl, InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        using var phone = await InboxApi.SignInAsync(fixture.System.GatewayUrl, InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        await using var live = await AgentConnection.ConnectAsync(fixture.System.GatewayUrl, phone);

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.Http.DeleteAsync("api/v1/session?everywhere=true", TestContext.Current.CancellationToken)).StatusCode);
        await live.Closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.Http.GetAsync("api/v1/session", TestContext.Current.CancellationToken)).StatusCode);

        // Signing in again works.
        using var again = await InboxApi.SignInAsync(fixture.System.GatewayUrl, InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("api/v1/session", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_ends_the_others()
    {
        using var admin = await InboxApi.SignInAsync(fixture.System.GatewayUrl, InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        var invitation = await admin.InviteAsync("Pat", $"{Guid.NewGuid():N}@acme.test", "agent");
        await fixture.System.AcceptInvitationAsync(invitation.InvitationToken, "first password");
        using var here = await InboxApi.SignInAsync(fixture.System.GatewayUrl, invitation.User.Email, "first password");
        using var elsewhere = await InboxApi.SignInAsync(fixture.System.GatewayUrl, invitation.User.Email, "first password");

        var wrong = await here.Http.PutAsJsonAsync("api/v1/session/password", new { currentPassword = "nope", newPassword = "second password" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var changed = await here.Http.PutAsJsonAsync("api/v1/session/password", new { currentPassword = "first password", newPassword = "second password" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await here.Http.GetAsync("api/v1/session", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.Http.GetAsync("api/v1/session", TestContext.Current.CancellationToken)).StatusCode);
        using var again = await InboxApi.SignInAsync(fixture.System.GatewayUrl, invitation.User.Email, "second password");

        // An admin's reset link replaces a forgotten password and ends every session made with the old one.
        var reset = await admin.Http.PostAsync($"api/v1/users/{invitation.User.UserId}/password-reset", null, TestContext.Current.CancellationToken);
        var token = (await reset.Content.ReadFromJsonAsync<InvitationResult>(InboxApi.Json, TestContext.Current.CancellationToken))!.InvitationToken;
        await fixture.System.AcceptInvitationAsync(token, "third password");
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.Http.GetAsync("api/v1/session", TestContext.Current.CancellationToken)).StatusCode);
        using var afterReset = await InboxApi.SignInAsync(fixture.System.GatewayUrl, invitation.User.Email, "third password");
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

    private async Task<HttpStatusCode> GetSessionWithCookieAsync(string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = fixture.System.GatewayUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/session");
        request.Headers.Add("Cookie", cookie);
        return (await http.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode;
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
