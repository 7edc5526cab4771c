using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Serialization;

namespace Inbox.Testing;

/// <summary>A signed-in user's REST client for the gateway, holding the session cookie like a browser does.</summary>
public sealed class InboxApi : IDisposable
{
    /// <summary>The API's JSON shape, shared with the gateway.</summary>
    public static readonly JsonSerializerOptions Json = CreateJson();

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

    public void Dispose() => Http.Dispose();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        InboxJson.Apply(options);
        return options;
    }

    private sealed record ItemsOf<T>(IReadOnlyList<T> Items);
}

/// <summary>A page of messages as the API returns it.</summary>
public sealed record MessagesPage(IReadOnlyList<MessageRecord> Items, bool HasMore);
