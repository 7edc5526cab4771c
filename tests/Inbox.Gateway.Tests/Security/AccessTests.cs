using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inbox.Contracts.Events;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Users;
using Inbox.Testing;

namespace Inbox.Gateway.Tests.Security;

/// <summary>
/// Users as an admin manages them, end to end: invitations, access by channel, changes that apply at once,
/// deactivation cutting live connections, and organisations that never see each other.
/// </summary>
public sealed class AccessTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(10);
    private const string Password = "a good long password";
    private static readonly string[] WebChannel = ["web"];

    private InboxSystem System => fixture.System;

    [Fact]
    public async Task An_invited_agent_sees_only_the_conversations_of_their_channels_and_a_change_applies_at_once()
    {
        var conversationId = await NewWebConversationAsync("Where is my parcel?");
        using var admin = await SignInAdminAsync();
        var (agent, user) = await NewUserAsync(admin, "agent", channels: []);
        using var _ = agent;

        Assert.DoesNotContain(await agent.ListConversationsAsync(), c => c.ConversationId == conversationId);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"api/v1/conversations/{conversationId}", TestContext.Current.CancellationToken)).StatusCode);
        var reply = await agent.Http.PostAsJsonAsync($"api/v1/conversations/{conversationId}/messages", new { text = "hi" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);

        await admin.UpdateUserAsync(user.UserId, new { channels = WebChannel });
        Assert.Contains(await agent.ListConversationsAsync(), c => c.ConversationId == conversationId);
        // (Routing may have assigned it meanwhile to an agent online in another test: its notice is not the point.)
        Assert.Equal("Where is my parcel?", (await agent.GetMessagesAsync(conversationId)).Items.Single(m => m.Kind != MessageKind.Activity).Text);
    }

    [Fact]
    public async Task Live_events_reach_only_users_who_may_read_the_conversation_and_never_another_organisation()
    {
        using var admin = await SignInAdminAsync();
        using var demoAgent = await System.SignInAgentAsync();
        var (restricted, _) = await NewUserAsync(admin, "agent", channels: []);
        using var _r = restricted;
        using var other = await System.SignInAsync(InboxSystem.OtherAdminEmail, InboxSystem.OtherAdminPassword);
        await using var seesIt = await AgentConnection.ConnectAsync(System.GatewayUrl, demoAgent);
        await using var noChannel = await AgentConnection.ConnectAsync(System.GatewayUrl, restricted);
        await using var otherOrganisation = await AgentConnection.ConnectAsync(System.GatewayUrl, other);

        var text = $"private {Guid.NewGuid():N}";
        await NewWebConversationAsync(text);
        await seesIt.Events.WaitForAsync(e => e.Message?.Text == text, Live);

        // The relay sends an event to every reader's group in one call, so by now the others would have it too.
        await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(noChannel.Events.Seen, e => e.Message?.Text == text);
        Assert.DoesNotContain(otherOrganisation.Events.Seen, e => e.Conversation.OrganisationId == InboxSystem.OrganisationId);

        // The other organisation's own visitor does reach its admin.
        await using var globexVisitor = await WidgetConnection.ConnectAsync(System.GatewayUrl, InboxSystem.OtherWebsiteToken, Guid.NewGuid().ToString("N"));
        await globexVisitor.SendAsync("Hello Globex", "m-1");
        var theirs = await otherOrganisation.Events.WaitForAsync(e => e.Type == EventNames.MessageCreated && e.Message?.Text == "Hello Globex", Live);
        Assert.Equal(InboxSystem.OtherOrganisationId, theirs.Conversation.OrganisationId);
    }

    [Fact]
    public async Task Deactivating_a_user_cuts_their_live_connection_within_seconds_and_ends_their_session()
    {
        using var admin = await SignInAdminAsync();
        var (agent, user) = await NewUserAsync(admin, "agent", channels: ["web"]);
        using var _ = agent;
        await using var live = await AgentConnection.ConnectAsync(System.GatewayUrl, agent);

        var deactivated = await admin.DeactivateAsync(user.UserId);
        Assert.Equal(UserStatus.Deactivated, deactivated.Status);

        await live.Closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.Http.GetAsync("api/v1/session", TestContext.Current.CancellationToken)).StatusCode);
        var reconnect = await Assert.ThrowsAsync<HttpRequestException>(() => AgentConnection.ConnectAsync(System.GatewayUrl, agent));
        Assert.Equal(HttpStatusCode.Unauthorized, reconnect.StatusCode);

        using var http = new HttpClient { BaseAddress = System.GatewayUrl };
        var signIn = await http.PostAsJsonAsync("api/v1/session", new { email = user.Email, password = Password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        Assert.Contains("deactivated", await signIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // Reactivated, they sign in again, but the old session stays ended.
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsync($"api/v1/users/{user.UserId}/reactivate", null, TestContext.Current.CancellationToken)).StatusCode);
        using var again = await System.SignInAsync(user.Email, Password);
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("api/v1/session", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.Http.GetAsync("api/v1/session", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_role_change_applies_to_the_users_next_request()
    {
        using var admin = await SignInAdminAsync();
        var (user, profile) = await NewUserAsync(admin, "agent", channels: []);
        using var _ = user;
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Http.PutAsJsonAsync("api/v1/teams/escalations", new { name = "Escalations" }, TestContext.Current.CancellationToken)).StatusCode);

        await admin.UpdateUserAsync(profile.UserId, new { role = "admin" });
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PutAsJsonAsync("api/v1/teams/escalations", new { name = "Escalations" }, TestContext.Current.CancellationToken)).StatusCode);
        var me = await user.Http.GetFromJsonAsync<JsonElement>("api/v1/session", TestContext.Current.CancellationToken);
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.Contains("users_manage", me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [Theory]
    [InlineData("""{ "email": "x@acme.test", "role": "agent" }""", 400, "name, email and role are required")]
    [InlineData("""{ "name": "X", "email": "not an email", "role": "agent" }""", 400, "is not a valid email address")]
    [InlineData("""{ "name": "X", "email": "x1@acme.test", "role": "boss" }""", 400, "")]
    [InlineData("""{ "name": "X", "email": "x2@acme.test", "role": "agent", "teams": ["no-such-team"] }""", 400, "No such team: no-such-team")]
    [InlineData("""{ "name": "X", "email": "x3@acme.test", "role": "agent", "channels": ["nowhere"] }""", 400, "No such channel: nowhere")]
    [InlineData("""{ "name": "X", "email": "AGENT@acme.test", "role": "agent" }""", 409, "Another user already signs in with")]
    public async Task A_bad_invitation_is_refused_with_a_reason(string body, int status, string reason)
    {
        using var admin = await SignInAdminAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await admin.Http.PostAsync("api/v1/users", content, TestContext.Current.CancellationToken);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admins_cannot_lock_themselves_out_and_unknown_users_are_not_found()
    {
        using var admin = await SignInAdminAsync();
        var self = await admin.Http.PostAsync("api/v1/users/u_admin/deactivate", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        var demote = await admin.Http.PatchAsJsonAsync("api/v1/users/u_admin", new { role = "agent" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.PatchAsJsonAsync("api/v1/users/u_nobody", new { name = "X" }, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync("api/v1/users/not%20an%20id", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task An_invitation_works_once_and_a_short_password_is_refused()
    {
        using var admin = await SignInAdminAsync();
        var invitation = await admin.InviteAsync("Ines", $"{Guid.NewGuid():N}@acme.test", "supervisor");
        using var http = new HttpClient { BaseAddress = System.GatewayUrl };
        var shortPassword = await http.PostAsJsonAsync("api/v1/invitations/accept", new { token = invitation.InvitationToken, password = "short" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);

        await System.AcceptInvitationAsync(invitation.InvitationToken, Password);
        var again = await http.PostAsJsonAsync("api/v1/invitations/accept", new { token = invitation.InvitationToken, password = Password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        var users = await admin.Http.GetFromJsonAsync<JsonElement>("api/v1/users", TestContext.Current.CancellationToken);
        var listed = users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userId").GetString() == invitation.User.UserId);
        Assert.Equal("active", listed.GetProperty("status").GetString());
        Assert.False(listed.TryGetProperty("sessionVersion", out _));
    }

    [Fact]
    public async Task An_admin_reads_who_did_what_from_where_in_the_audit_log_and_its_chains_verify()
    {
        using var admin = await SignInAdminAsync();
        var (user, profile) = await NewUserAsync(admin, "agent", channels: ["web"]);
        using var _ = user;
        await admin.DeactivateAsync(profile.UserId);

        var page = await admin.Http.GetFromJsonAsync<JsonElement>($"api/v1/audit?subject={profile.UserId}", TestContext.Current.CancellationToken);
        var entries = page.GetProperty("items").EnumerateArray().Reverse().ToList();
        Assert.Equal(
            ["user.invited", "user.invitation_accepted", "session.signed_in", "user.deactivated"],
            entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(["u_admin", profile.UserId, profile.UserId, "u_admin"], entries.Select(e => e.GetProperty("actor").GetProperty("id").GetString()));
        Assert.All(entries, e => Assert.Equal("127.0.0.1", e.GetProperty("from").GetString()));
        var deactivation = entries[^1];
        Assert.Equal("active", deactivation.GetProperty("before").GetProperty("status").GetString());
        Assert.Equal("deactivated", deactivation.GetProperty("after").GetProperty("status").GetString());

        var verification = await admin.Http.GetFromJsonAsync<JsonElement>("api/v1/audit/verify", TestContext.Current.CancellationToken);
        Assert.Equal(JsonValueKind.Null, verification.GetProperty("firstBroken").ValueKind);
        Assert.True(verification.GetProperty("entries").GetInt64() >= 4);

        var badRange = await admin.Http.GetAsync("api/v1/audit?from=2026-02-01&to=2026-01-01", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, badRange.StatusCode);

        // The export has every matching entry, and is itself in the log.
        var export = await admin.Http.GetAsync($"api/v1/audit/export?subject={profile.UserId}", TestContext.Current.CancellationToken);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("at,actor_kind,actor_id", lines[0], StringComparison.Ordinal);
        Assert.Equal(["user.deactivated", "session.signed_in", "user.invitation_accepted", "user.invited"], lines[1..].Select(l => l.Split(',')[5]));
        var exported = await admin.Http.GetFromJsonAsync<JsonElement>("api/v1/audit?action=audit", TestContext.Current.CancellationToken);
        var entry = exported.GetProperty("items").EnumerateArray().First();
        Assert.Equal("audit.exported", entry.GetProperty("action").GetString());
        Assert.Equal(profile.UserId, entry.GetProperty("after").GetProperty("subjectId").GetString());
    }

    [Fact]
    public async Task An_admin_renames_the_organisation_and_the_change_is_audited()
    {
        using var admin = await SignInAdminAsync();
        var renamed = await admin.Http.PatchAsJsonAsync("api/v1/organisation", new { name = "  Acme Customer Care " }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var organisation = await admin.Http.GetFromJsonAsync<JsonElement>("api/v1/organisation", TestContext.Current.CancellationToken);
        Assert.Equal("Acme Customer Care", organisation.GetProperty("name").GetString());

        var empty = await admin.Http.PatchAsJsonAsync("api/v1/organisation", new { name = " " }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        var audit = await admin.Http.GetFromJsonAsync<JsonElement>("api/v1/audit?action=organisation", TestContext.Current.CancellationToken);
        var entry = audit.GetProperty("items").EnumerateArray().First();
        Assert.Equal("Acme Customer Care", entry.GetProperty("after").GetProperty("name").GetString());
        Assert.Equal("u_admin", entry.GetProperty("actor").GetProperty("id").GetString());
    }

    private Task<InboxApi> SignInAdminAsync() => System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);

    private async Task<(InboxApi Api, UserProfile User)> NewUserAsync(InboxApi admin, string role, IReadOnlyList<string> channels)
    {
        var invitation = await admin.InviteAsync("New User", $"{Guid.NewGuid():N}@acme.test", role, channels: channels);
        var user = await System.AcceptInvitationAsync(invitation.InvitationToken, Password);
        return (await System.SignInAsync(user.Email, Password), user);
    }

    private async Task<string> NewWebConversationAsync(string text)
    {
        await using var visitor = await WidgetConnection.ConnectAsync(System.GatewayUrl, InboxSystem.WebsiteToken, Guid.NewGuid().ToString("N"));
        await visitor.SendAsync(text, "m-1");
        using var admin = await SignInAdminAsync();
        return (await admin.ListConversationsAsync()).Single(c => c.LastMessagePreview == text).ConversationId;
    }
}
