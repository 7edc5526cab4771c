using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Inbox.Contracts.Routing;
using Inbox.Gateway.Realtime;
using Inbox.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inbox.Gateway.Tests.Security;

/// <summary>
/// Every HTTP endpoint and hub method, called as every kind of caller, answers exactly what docs/security.md says; and
/// nothing exists that the document does not list.
/// </summary>
public sealed class PermissionMatrixTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private InboxSystem System => fixture.System;

    [Fact]
    public async Task Every_endpoint_and_hub_method_is_in_the_documented_matrix_and_nothing_else_is()
    {
        var documented = SecurityDocument.Rows().Select(r => r.Endpoint).ToHashSet();
        var actual = (await RestEndpointsAsync()).Concat(HubEndpoints()).ToHashSet();

        Assert.True(actual.SetEquals(documented), $"""
            docs/security.md and the gateway disagree.
            Missing from the document: {string.Join("; ", actual.Except(documented))}
            Documented but not served: {string.Join("; ", documented.Except(actual))}
            """);
    }

    [Fact]
    public async Task Every_caller_gets_exactly_the_documented_answer_from_every_endpoint()
    {
        var callers = await CallersAsync();
        var ids = await IdsAsync();
        var mismatches = new List<string>();
        foreach (var (endpoint, expected) in SecurityDocument.Rows())
        {
            foreach (var caller in SecurityDocument.Callers)
            {
                // Signing out ends the session on the server, so it gets a session of its own.
                var who = endpoint == "DELETE /api/v1/session" ? await callers[caller].FreshAsync() : callers[caller];
                var answer = endpoint.StartsWith("HUB ", StringComparison.Ordinal)
                    ? await CallHubAsync(endpoint, who, ids)
                    : await CallRestAsync(endpoint, who, ids);
                if (answer != expected[caller])
                {
                    mismatches.Add($"{endpoint} as {caller}: expected {expected[caller]}, got {answer}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    private async Task<IEnumerable<string>> RestEndpointsAsync()
    {
        using var http = new HttpClient { BaseAddress = System.GatewayUrl };
        using var document = JsonDocument.Parse(await http.GetStringAsync("openapi/v1.json", TestContext.Current.CancellationToken));
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .ToList();
    }

    // Hubs are mapped at /hubs/{name without "Hub"}; every public method of a hub is callable by clients.
    private static IEnumerable<string> HubEndpoints()
    {
        var hubs = typeof(InboxHub).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && IsHub(t));
        foreach (var hub in hubs)
        {
            var path = "/hubs/" + hub.Name[..^"Hub".Length].ToLowerInvariant();
            yield return $"HUB {path} connect";
            foreach (var method in hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName))
            {
                if (method.Name is nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync))
                {
                    continue;
                }

                yield return $"HUB {path} {method.GetCustomAttribute<HubMethodNameAttribute>()?.Name ?? method.Name}";
            }
        }
    }

    private static bool IsHub(Type type) =>
        type.BaseType is { } baseType && (baseType == typeof(Hub) || (baseType.IsGenericType && baseType.GetGenericTypeDefinition() == typeof(Hub<>)) || IsHub(baseType));

    /// <summary>Each caller as cookies (users) or widget tokens (the visitor).</summary>
    private async Task<Dictionary<string, Caller>> CallersAsync()
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        using var agent = await System.SignInAgentAsync();
        using var supervisor = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        using var other = await System.SignInAsync(InboxSystem.OtherAdminEmail, InboxSystem.OtherAdminPassword);

        // A user who signs in and is then deactivated keeps the cookie, which must no longer work.
        var email = $"{Guid.NewGuid():N}@acme.test";
        var invited = await admin.InviteAsync("Gone Soon", email, "agent", channels: ["web"]);
        await System.AcceptInvitationAsync(invited.InvitationToken, "gone-soon-password");
        using var deactivated = await System.SignInAsync(email, "gone-soon-password");
        await admin.DeactivateAsync(invited.User.UserId);

        Func<Task<CookieContainer>> SignIn(string email, string password) => async () =>
        {
            using var fresh = await System.SignInAsync(email, password);
            return fresh.Cookies;
        };

        return new Dictionary<string, Caller>
        {
            ["anonymous"] = new(null, null, null),
            ["visitor"] = new(null, WidgetVisitorToken(), null),
            ["agent"] = new(agent.Cookies, null, SignIn(InboxSystem.AgentEmail, InboxSystem.AgentPassword)),
            ["supervisor"] = new(supervisor.Cookies, null, SignIn(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword)),
            ["admin"] = new(admin.Cookies, null, SignIn(InboxSystem.AdminEmail, InboxSystem.AdminPassword)),
            ["deactivated"] = new(deactivated.Cookies, null, null),
            ["other organisation"] = new(other.Cookies, null, SignIn(InboxSystem.OtherAdminEmail, InboxSystem.OtherAdminPassword)),
        };
    }

    /// <summary>The first organisation's ids the requests name: a conversation on the agent's channel, a user, a team, a channel.</summary>
    private async Task<Dictionary<string, string>> IdsAsync()
    {
        var text = $"matrix {Guid.NewGuid():N}";
        await using (var visitor = await WidgetConnection.ConnectAsync(System.GatewayUrl, InboxSystem.WebsiteToken, WidgetVisitorToken()))
        {
            await visitor.SendAsync(text, "m-1");
        }

        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        var conversation = (await admin.ListConversationsAsync()).Single(c => c.LastMessagePreview == text);
        var target = await admin.InviteAsync("Matrix Target", $"{Guid.NewGuid():N}@acme.test", "agent");
        return new Dictionary<string, string>
        {
            ["{conversationId}"] = conversation.ConversationId,
            ["{contactId}"] = conversation.ContactId,
            ["{userId}"] = target.User.UserId,
            ["{teamId}"] = "tier1",
            ["{channelId}"] = "web",
            ["{sequence}"] = "1",
            ["{attachmentId}"] = "a1",
        };
    }

    private async Task<string> CallRestAsync(string endpoint, Caller caller, Dictionary<string, string> ids)
    {
        var (method, template) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        var path = ids.Aggregate(template, (p, id) => p.Replace(id.Key, id.Value, StringComparison.Ordinal));
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = caller.CopyCookies(System.GatewayUrl) }) { BaseAddress = System.GatewayUrl };
        using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
        if (Body(method + " " + template) is { } body)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
    }

    private static object? Body(string endpoint) => endpoint switch
    {
        "POST /api/v1/session" => new { email = InboxSystem.AgentEmail, password = InboxSystem.AgentPassword },
        "POST /api/v1/invitations/accept" => new { token = "no-such-invitation", password = "whatever-password" },
        "POST /api/v1/conversations/{conversationId}/messages" => new { text = "A reply from the permission matrix" },
        "POST /api/v1/users" => new { name = "Invitee", email = $"{Guid.NewGuid():N}@acme.test", role = "agent" },
        "PATCH /api/v1/users/{userId}" => new { name = "Matrix Target" },
        "PUT /api/v1/teams/{teamId}" => new { name = "Tier 1" },
        "PATCH /api/v1/organisation" => new { name = "A renamed organisation" },
        "PUT /api/v1/session/password" => new { currentPassword = "not-the-password", newPassword = "a new long password" },
        "PUT /api/v1/channels/{channelId}/credentials" => new { accessToken = "matrix-access-token" },
        "PUT /api/v1/channels/{channelId}/rate" => new { perSecond = 20 },
        "POST /api/v1/conversations/{conversationId}/messages/files" => new MultipartFormDataContent { { new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]), "file", "matrix.png" } },
        "POST /api/v1/channels" => new { platform = "telegram", name = "Matrix bot", fields = new { botToken = "123456:matrix-bot-token" } },
        "POST /api/v1/conversations/{conversationId}/status" => new { status = "pending" },
        "POST /api/v1/conversations/{conversationId}/priority" => new { priority = "high" },
        "POST /api/v1/conversations/{conversationId}/assignment" => new { assigneeId = (string?)null },
        "POST /api/v1/conversations/{conversationId}/notes" => new { text = "A note from the permission matrix" },
        "PATCH /api/v1/contacts/{contactId}" => new { language = "en" },
        "PUT /api/v1/agents/{userId}/presence" => new { presence = "away" },
        "PUT /api/v1/agents/{userId}/capacity" => new { capacity = 5 },

        // Off, so that agents coming online in the hub rows below do not take the matrix's conversation.
        "PUT /api/v1/routing/settings" => RoutingSettings.Default with { AutoAssign = false },
        _ => null,
    };

    private async Task<string> CallHubAsync(string endpoint, Caller caller, Dictionary<string, string> ids)
    {
        var (path, method) = (endpoint.Split(' ')[1], endpoint.Split(' ')[2]);
        var query = caller.VisitorToken is { } token && path == "/hubs/widget"
            ? $"?websiteToken={InboxSystem.WebsiteToken}&visitorToken={token}"
            : "";
        await using var connection = HubClient.Build(new Uri(System.GatewayUrl, path.TrimStart('/') + query), o => o.Cookies = caller.CopyCookies(System.GatewayUrl));
        try
        {
            await connection.StartAsync(TestContext.Current.CancellationToken);
        }
        catch (HttpRequestException e) when (e.StatusCode is { } status)
        {
            return ((int)status).ToString(CultureInfo.InvariantCulture);
        }

        try
        {
            switch (method)
            {
                case "connect":
                    break;
                case "send":
                    await connection.InvokeAsync<JsonElement>("send", "Hello from the matrix", $"m-{Guid.NewGuid():N}", TestContext.Current.CancellationToken);
                    break;
                case "history":
                    await connection.InvokeAsync<JsonElement>("history", null, 10, TestContext.Current.CancellationToken);
                    break;
                case "setPresence":
                    await connection.InvokeAsync<JsonElement>(method, "online", TestContext.Current.CancellationToken);
                    break;
                case "setStatus":
                    await connection.InvokeAsync<JsonElement>(method, ids["{conversationId}"], "open", null, TestContext.Current.CancellationToken);
                    break;
                case "setPriority":
                    await connection.InvokeAsync<JsonElement>(method, ids["{conversationId}"], "low", TestContext.Current.CancellationToken);
                    break;
                case "assign":
                    await connection.InvokeAsync<JsonElement>(method, ids["{conversationId}"], null, null, TestContext.Current.CancellationToken);
                    break;
                case "observe":
                    await connection.InvokeAsync<JsonElement>(method, ids["{conversationId}"], true, TestContext.Current.CancellationToken);
                    break;
                case "addNote":
                    await connection.InvokeAsync<JsonElement>(method, ids["{conversationId}"], "A note over the hub", TestContext.Current.CancellationToken);
                    break;
                default:
                    return $"no call written for hub method '{method}'";
            }

            return "ok";
        }
        catch (HubException e)
        {
            // The hub's refusals are words (see CallerHubFilter); the table names them.
            return e.Message switch
            {
                var m when m.EndsWith("Your role may not do this.", StringComparison.Ordinal) => "refused",
                var m when m.EndsWith("No such conversation.", StringComparison.Ordinal) => "not-found",
                var m => $"hub error: {m}",
            };
        }
    }

    private static string WidgetVisitorToken() => Guid.NewGuid().ToString("N");

    /// <summary>A caller: a user's session cookies (and how to get a new session), or a widget visitor's token, or neither.</summary>
    private sealed record Caller(CookieContainer? Cookies, string? VisitorToken, Func<Task<CookieContainer>>? SignIn)
    {
        /// <summary>The same caller in a session of its own (callers without one stay as they are).</summary>
        public async Task<Caller> FreshAsync() => SignIn is null ? this : this with { Cookies = await SignIn() };

        // Each request gets its own copy, so a sign-out or a rejected cookie in one call does not leak into the next.
        public CookieContainer CopyCookies(Uri url)
        {
            var copy = new CookieContainer();
            if (Cookies is not null)
            {
                copy.Add(Cookies.GetCookies(url));
            }

            return copy;
        }
    }
}
