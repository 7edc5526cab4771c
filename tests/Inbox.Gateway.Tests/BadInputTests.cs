using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inbox.Testing;
using Microsoft.AspNetCore.SignalR;

namespace Inbox.Gateway.Tests;

/// <summary>
/// Bad input gets a clear 4xx with a problem-details body, and never changes what is stored: each test snapshots the
/// conversation list and history before and compares after.
/// </summary>
public sealed class BadInputTests(SystemFixture fixture) : IClassFixture<SystemFixture>, IAsyncLifetime
{
    private InboxApi _api = null!;
    private string _conversationId = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await fixture.System.SignInAgentAsync();
        await using var visitor = await WidgetConnection.ConnectAsync(fixture.System.GatewayUrl, InboxSystem.WebsiteToken, Guid.NewGuid().ToString("N"));
        var first = await visitor.SendAsync("Hello", "c-1");
        _conversationId = await FindConversationAsync(first.MessageId);
    }

    public ValueTask DisposeAsync()
    {
        _api.Dispose();
        return ValueTask.CompletedTask;
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{"text":""}""", "The message text is empty." },
        { """{"text":"   \n  "}""", "The message text is empty." },
        { """{"clientMessageId":"x"}""", "The message text is missing." },
        { JsonSerializer.Serialize(new { text = new string('a', 4097) }), "The message text is 4097 characters long; the limit is 4096." },
        { """{"text":"hi","clientMessageId":"not a valid id!"}""", "clientMessageId must be 1-64 letters, digits, '-' or '_'." },
        { """{"text":""", "Failed to read parameter \"SendMessageRequest request\" from the request body as JSON." },
        { "not json at all", "Failed to read parameter \"SendMessageRequest request\" from the request body as JSON." },
        { """["an","array"]""", "Failed to read parameter \"SendMessageRequest request\" from the request body as JSON." },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_reply_body_is_a_400_that_says_what_is_wrong_and_stores_nothing(string body, string detail)
    {
        var before = await SnapshotAsync();
        var response = await PostRawAsync(body, "application/json");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, detail);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_and_stores_nothing()
    {
        var before = await SnapshotAsync();
        var response = await PostRawAsync(JsonSerializer.Serialize(new { text = new string('a', 70_000) }), "application/json");
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "The request body is over the limit of 65536 bytes.");
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        var before = await SnapshotAsync();
        var response = await PostRawAsync("text=hi", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("cv_does_not_exist")]
    [InlineData("has%20space")]
    [InlineData("demo:cv_1")]
    public async Task An_unknown_conversation_is_a_404_for_reading_and_for_replying(string conversationId)
    {
        var before = await SnapshotAsync();
        await AssertProblemAsync(
            await _api.Http.PostAsJsonAsync($"api/v1/conversations/{conversationId}/messages", new { text = "hi" }, TestContext.Current.CancellationToken),
            HttpStatusCode.NotFound,
            $"There is no conversation '{Uri.UnescapeDataString(conversationId)}'.");
        await AssertProblemAsync(
            await _api.Http.GetAsync($"api/v1/conversations/{conversationId}/messages", TestContext.Current.CancellationToken),
            HttpStatusCode.NotFound,
            $"There is no conversation '{Uri.UnescapeDataString(conversationId)}'.");
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("before=0", "before must be a sequence number of 1 or more.")]
    [InlineData("limit=0", "limit must be between 1 and 100.")]
    [InlineData("limit=101", "limit must be between 1 and 100.")]
    [InlineData("before=abc", "Failed to bind parameter \"Nullable<long> before\" from \"abc\".")]
    public async Task Bad_paging_parameters_are_a_400(string query, string detail) =>
        await AssertProblemAsync(
            await _api.Http.GetAsync($"api/v1/conversations/{_conversationId}/messages?{query}", TestContext.Current.CancellationToken),
            HttpStatusCode.BadRequest,
            detail);

    [Fact]
    public async Task An_unknown_status_filter_is_a_400() =>
        await AssertProblemAsync(
            await _api.Http.GetAsync("api/v1/conversations?status=closed", TestContext.Current.CancellationToken),
            HttpStatusCode.BadRequest,
            "status must be one of: open, pending, snoozed, resolved.");

    [Fact]
    public async Task Without_a_session_the_api_is_a_401_and_stores_nothing()
    {
        var before = await SnapshotAsync();
        using var anonymous = new HttpClient { BaseAddress = fixture.System.GatewayUrl };
        var response = await anonymous.PostAsJsonAsync($"api/v1/conversations/{_conversationId}/messages", new { text = "hi" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/v1/conversations", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Wrong_credentials_are_a_401_with_a_clear_message()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.System.GatewayUrl };
        await AssertProblemAsync(
            await anonymous.PostAsJsonAsync("api/v1/session", new { email = InboxSystem.AgentEmail, password = "wrong" }, TestContext.Current.CancellationToken),
            HttpStatusCode.Unauthorized,
            "The email or password is wrong.");
    }

    [Fact]
    public async Task The_widget_refuses_empty_and_oversized_messages_and_stores_nothing()
    {
        await using var visitor = await WidgetConnection.ConnectAsync(fixture.System.GatewayUrl, InboxSystem.WebsiteToken, Guid.NewGuid().ToString("N"));
        var empty = await Assert.ThrowsAsync<HubException>(() => visitor.SendAsync("  ", "c-1"));
        Assert.Contains("The message text is empty.", empty.Message, StringComparison.Ordinal);
        var tooLong = await Assert.ThrowsAsync<HubException>(() => visitor.SendAsync(new string('a', 4097), "c-2"));
        Assert.Contains("the limit is 4096", tooLong.Message, StringComparison.Ordinal);
        Assert.Empty((await visitor.HistoryAsync()).Items);
    }

    [Theory]
    [InlineData("no-such-website", "0123456789abcdef0123", "No web-chat channel has this website token.")]
    [InlineData("", "0123456789abcdef0123", "The websiteToken query parameter is missing or malformed.")]
    [InlineData(InboxSystem.WebsiteToken, "short", "The visitorToken query parameter must be 16-128 letters, digits, '-' or '_'.")]
    public async Task The_widget_hub_refuses_a_bad_website_or_visitor_token_before_connecting(string websiteToken, string visitorToken, string detail)
    {
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => WidgetConnection.ConnectAsync(fixture.System.GatewayUrl, websiteToken, visitorToken));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var http = new HttpClient { BaseAddress = fixture.System.GatewayUrl };
        var negotiate = await http.PostAsync(
            $"hubs/widget/negotiate?negotiateVersion=1&websiteToken={websiteToken}&visitorToken={visitorToken}", null, TestContext.Current.CancellationToken);
        await AssertProblemAsync(negotiate, HttpStatusCode.Unauthorized, detail);
    }

    private async Task<HttpResponseMessage> PostRawAsync(string body, string mediaType) =>
        await _api.Http.PostAsync(
            $"api/v1/conversations/{_conversationId}/messages",
            new StringContent(body, Encoding.UTF8, mediaType),
            TestContext.Current.CancellationToken);

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
    }

    private async Task<string> SnapshotAsync()
    {
        var messages = await _api.GetMessagesAsync(_conversationId);
        var listed = (await _api.ListConversationsAsync()).Single(c => c.ConversationId == _conversationId);
        return JsonSerializer.Serialize(new { messages, listed.LastSequence, listed.LastMessagePreview, listed.LastActivityAt });
    }

    private async Task<string> FindConversationAsync(string messageId)
    {
        foreach (var conversation in await _api.ListConversationsAsync())
        {
            var page = await _api.GetMessagesAsync(conversation.ConversationId);
            if (page.Items.Any(m => m.MessageId == messageId))
            {
                return conversation.ConversationId;
            }
        }

        throw new InvalidOperationException($"No conversation holds message {messageId}.");
    }
}
