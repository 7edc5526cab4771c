using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Serialization;
using Inbox.Contracts.Users;

namespace Inbox.Testing;

/// <summary>A signed-in user's REST client for the gateway, holding the session cookie like a browser does.</summary>
public sealed class InboxApi : IDisposable
{
    /// <summary>The API's JSON shape, shared with the gateway.</summary>
    public static readonly JsonSerializerOptions Json = InboxJson.CreateOptions();

    private InboxApi(Uri baseAddress, CookieContainer cookies)
    {
        Cookies = cookies;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseAddress };
    }

    /// <summary>The session cookie, for SignalR connections of the same user.</summary>
    public CookieContainer Cookies { get; }

    /// <summary>The raw client, for requests the typed methods do not cover (bad input).</summary>
    public HttpClient Http { get; }

    public static async Task<InboxApi> SignInAsync(Uri baseAddress, string email, string password)
    {
        var api = new InboxApi(baseAddress, new CookieContainer());
        var response = await api.Http.PostAsJsonAsync("api/v1/session", new { email, password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return api;
    }

    public async Task<IReadOnlyList<ConversationSummary>> ListConversationsAsync() =>
        (await Http.GetFromJsonAsync<ItemsOf<ConversationSummary>>("api/v1/conversations", Json))!.Items;

    public async Task<MessagesPage> GetMessagesAsync(string conversationId, long? before = null, int limit = 50)
    {
        var query = before is null ? $"limit={limit}" : $"limit={limit}&before={before}";
        return (await Http.GetFromJsonAsync<MessagesPage>($"api/v1/conversations/{conversationId}/messages?{query}", Json))!;
    }

    public async Task<MessageRecord> ReplyAsync(string conversationId, string text, string? clientMessageId = null)
    {
        var response = await Http.PostAsJsonAsync($"api/v1/conversations/{conversationId}/messages", new { text, clientMessageId }, Json);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Reply failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<MessageRecord>(Json))!;
    }

    /// <summary>Invites a user (as an admin); the answer holds the invitation token.</summary>
    public async Task<InvitationResult> InviteAsync(string name, string email, string role, IReadOnlyList<string>? teams = null, IReadOnlyList<string>? channels = null)
    {
        var response = await Http.PostAsJsonAsync("api/v1/users", new { name, email, role, teams, channels }, Json);
        return await ReadAsync<InvitationResult>(response, HttpStatusCode.Created, "Invitation");
    }

    /// <summary>Changes a user (as an admin).</summary>
    public async Task<UserProfile> UpdateUserAsync(string userId, object change) =>
        await ReadAsync<UserProfile>(await Http.PatchAsJsonAsync($"api/v1/users/{userId}", change, Json), HttpStatusCode.OK, "Update");

    /// <summary>Deactivates a user (as an admin).</summary>
    public async Task<UserProfile> DeactivateAsync(string userId) =>
        await ReadAsync<UserProfile>(await Http.PostAsync($"api/v1/users/{userId}/deactivate", null), HttpStatusCode.OK, "Deactivation");

    /// <summary>Connects a platform channel (as an admin) and returns its details: webhook path and generated tokens.</summary>
    public async Task<ChannelDetails> ConnectChannelAsync(string platform, string name, IReadOnlyDictionary<string, string> fields, string? channelId = null) =>
        await ReadAsync<ChannelDetails>(await Http.PostAsJsonAsync("api/v1/channels", new { platform, name, fields, channelId }, Json), HttpStatusCode.Created, "Connecting a channel");

    /// <summary>Accepts an invitation: no session needed.</summary>
    public static async Task<UserProfile> AcceptInvitationAsync(Uri baseAddress, string token, string password)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        return await ReadAsync<UserProfile>(await http.PostAsJsonAsync("api/v1/invitations/accept", new { token, password }, Json), HttpStatusCode.OK, "Accepting");
    }

    public void Dispose() => Http.Dispose();

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{what} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    private sealed record ItemsOf<T>(IReadOnlyList<T> Items);
}

/// <summary>A new invitation as the API returns it.</summary>
public sealed record InvitationResult(UserProfile User, string InvitationToken, DateTimeOffset ExpiresAt);

/// <summary>A page of messages as the API returns it.</summary>
public sealed record MessagesPage(IReadOnlyList<MessageRecord> Items, bool HasMore);
