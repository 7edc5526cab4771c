using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Inbox.Contracts.Events;
using Inbox.Contracts.Messages;
using Inbox.Testing;

namespace Inbox.Gateway.Tests.Channels;

/// <summary>
/// Files customers send: downloaded through each platform's media API into blob storage after the message is stored,
/// then served by the gateway only to users who may read the conversation.
/// </summary>
public sealed class PlatformMediaTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private InboxSystem System => fixture.System;

    public static TheoryData<string> Platforms => [.. SimulatedChannel.Platforms];

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task A_customers_image_is_downloaded_stored_and_served_to_those_who_may_read_it(string platform)
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        using var supervisor = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        await using var live = await AgentConnection.ConnectAsync(System.GatewayUrl, supervisor);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, platform);
        var customer = channel.NewCustomer();

        var (image, messageId) = await channel.CustomerSendsImageAsync(System.Simulator, customer, platform is "line" or "wechat" ? null : "the box arrived like this");
        var created = await live.Events.WaitForAsync(e => e.Type == EventNames.MessageCreated && e.Message?.ExternalId == messageId, Timeout);
        var attachment = Assert.Single(created.Message!.Attachments!);
        Assert.Equal(AttachmentKind.Image, attachment.Kind);

        // Stored and answered first; the file follows as an update of the same message.
        var updated = await live.Events.WaitForAsync(e => e.Type == EventNames.MessageUpdated && e.Message?.MessageId == created.Message.MessageId, Timeout);
        var stored = Assert.Single(updated.Message!.Attachments!);
        Assert.NotNull(stored.BlobName);
        Assert.Equal(image.Length, stored.Size);
        Assert.Null(updated.Message.Notice);

        var url = $"api/v1/conversations/{created.Conversation.ConversationId}/messages/{created.Message.Sequence}/attachments/{stored.AttachmentId}";
        using var file = await supervisor.Http.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(image, await file.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        using var anonymous = new HttpClient { BaseAddress = System.GatewayUrl };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
        using var other = await System.SignInAsync(InboxSystem.OtherAdminEmail, InboxSystem.OtherAdminPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Http.GetAsync(url[..^stored.AttachmentId.Length] + "a9", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_file_the_platform_no_longer_has_leaves_a_notice_and_the_message_stays()
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        using var supervisor = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        await using var live = await AgentConnection.ConnectAsync(System.GatewayUrl, supervisor);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, "whatsapp");
        var (webhook, messageId) = channel.Webhooks.Image(channel.NewCustomer(), new("1003383421387256", "image/jpeg", null, 100), "gone", DateTimeOffset.UtcNow);
        await channel.DeliverAsync(webhook);

        var created = await live.Events.WaitForAsync(e => e.Type == EventNames.MessageCreated && e.Message?.ExternalId == messageId, Timeout);
        var updated = await live.Events.WaitForAsync(e => e.Type == EventNames.MessageUpdated && e.Message?.MessageId == created.Message!.MessageId, Timeout);
        Assert.Null(Assert.Single(updated.Message!.Attachments!).BlobName);
        Assert.Contains("could not be downloaded from whatsapp (100", updated.Message.Notice, StringComparison.Ordinal);
        Assert.Equal("gone", updated.Message.Text);

        var url = $"api/v1/conversations/{created.Conversation.ConversationId}/messages/{created.Message!.Sequence}/attachments/a1";
        using var missing = await supervisor.Http.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("download failed", await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task An_agents_image_goes_out_the_way_each_platform_takes_files(string platform)
    {
        var (supervisor, live, conversationId) = await ConversationAsync(platform);
        using var _ = supervisor;
        await using var __ = live;
        var image = RandomNumberGenerator.GetBytes(2048);
        var caption = $"Here is the label {Guid.NewGuid():N}";

        var sent = await SendFileAsync(supervisor, live, conversationId, image, "image/jpeg", "label.jpg", caption);
        Assert.Equal(DeliveryStatus.Sent, sent.DeliveryStatus);
        Assert.Equal(AttachmentKind.Image, Assert.Single(sent.Attachments!).Kind);

        var hash = Convert.ToHexStringLower(SHA256.HashData(image));
        var received = System.Simulator.Received(platform);
        switch (platform)
        {
            case "whatsapp":
                var upload = received.Last(r => r.Path.EndsWith("/media", StringComparison.Ordinal));
                Assert.Equal(hash, (string?)JsonNode.Parse(upload.Body)!["files"]![0]!["sha256"]);
                var message = JsonNode.Parse(received.Last(r => r.Body.Contains(caption, StringComparison.Ordinal)).Body)!;
                Assert.Equal(("image", upload.PlatformMessageId), ((string?)message["type"], (string?)message["image"]!["id"]));
                break;
            case "messenger" or "instagram":
                Assert.Contains(received, r => r.Body.Contains(caption, StringComparison.Ordinal));
                var attachment = JsonNode.Parse(received.Last(r => r.Body.Contains("filedata", StringComparison.Ordinal)).Body)!;
                Assert.Equal(hash, (string?)attachment["files"]![0]!["sha256"]);
                Assert.Equal("image", (string?)JsonNode.Parse((string)attachment["message"]!)!["attachment"]!["type"]);
                break;
            case "telegram":
                var photo = JsonNode.Parse(received.Last(r => r.Path.EndsWith("/sendPhoto", StringComparison.Ordinal)).Body)!;
                Assert.Equal((hash, caption), ((string?)photo["files"]![0]!["sha256"], (string?)photo["caption"]));
                break;
            case "line":
                var push = JsonNode.Parse(received.Last(r => r.Body.Contains(caption, StringComparison.Ordinal)).Body)!;
                var link = (string)push["messages"]![0]!["originalContentUrl"]!;
                using (var anyone = new HttpClient())
                {
                    Assert.Equal(image, await anyone.GetByteArrayAsync(link, TestContext.Current.CancellationToken));
                    Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(link[..^4] + "AAAA", TestContext.Current.CancellationToken)).StatusCode);
                }

                break;
            case "wechat":
                var uploaded = received.Last(r => r.Path.StartsWith("cgi-bin/media/upload", StringComparison.Ordinal));
                Assert.Equal(hash, (string?)JsonNode.Parse(uploaded.Body)!["files"]![0]!["sha256"]);
                Assert.Contains(received, r => r.Body.Contains(uploaded.PlatformMessageId!, StringComparison.Ordinal) && r.Path == "cgi-bin/message/custom/send");
                break;
        }

        // The agent's own file is served back to those who may read the conversation.
        using var file = await supervisor.Http.GetAsync($"api/v1/conversations/{conversationId}/messages/{sent.Sequence}/attachments/a1", TestContext.Current.CancellationToken);
        Assert.Equal(image, await file.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("whatsapp", null)]
    [InlineData("telegram", null)]
    [InlineData("messenger", null)]
    [InlineData("line", "LINE does not let an official account send files")]
    [InlineData("wechat", "WeChat customer-service messages cannot carry files")]
    public async Task A_document_goes_out_where_the_platform_takes_documents_and_fails_plainly_where_not(string platform, string? refusal)
    {
        var (supervisor, live, conversationId) = await ConversationAsync(platform);
        using var _ = supervisor;
        await using var __ = live;
        var pdf = "%PDF-1.4 invoice"u8.ToArray();

        var sent = await SendFileAsync(supervisor, live, conversationId, pdf, "application/pdf", "invoice-0042.pdf", "");
        if (refusal is null)
        {
            Assert.Equal(DeliveryStatus.Sent, sent.DeliveryStatus);
            var hash = Convert.ToHexStringLower(SHA256.HashData(pdf));
            Assert.Contains(System.Simulator.Received(platform), r => r.Body.Contains(hash, StringComparison.Ordinal) && r.Body.Contains("invoice-0042.pdf", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(DeliveryStatus.Failed, sent.DeliveryStatus);
            Assert.Contains(refusal, sent.Notice, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bad_uploads_are_refused_with_the_reason_and_nothing_is_sent()
    {
        var (supervisor, live, conversationId) = await ConversationAsync("telegram");
        using var _ = supervisor;
        await using var __ = live;
        var before = System.Simulator.Received("telegram").Count;

        using var noFile = new MultipartFormDataContent { { new StringContent("caption only"), "caption" } };
        var missing = await supervisor.Http.PostAsync($"api/v1/conversations/{conversationId}/messages/files", noFile, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("part named 'file'", await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Http.PostAsync("api/v1/conversations/cv_nope/messages/files", File([1, 2, 3], "image/png", "a.png"), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(before, System.Simulator.Received("telegram").Count);
    }

    private static async Task<MessageRecord> SendFileAsync(InboxApi agent, AgentConnection live, string conversationId, byte[] content, string type, string name, string caption)
    {
        using var form = File(content, type, name);
        form.Add(new StringContent(caption), "caption");
        var response = await agent.Http.PostAsync($"api/v1/conversations/{conversationId}/messages/files", form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<MessageRecord>(InboxApi.Json, TestContext.Current.CancellationToken))!;
        Assert.Equal(DeliveryStatus.Pending, created.DeliveryStatus);
        var updated = await live.Events.WaitForAsync(e => e.Type == EventNames.MessageUpdated && e.Message?.MessageId == created.MessageId, Timeout);
        return updated.Message!;
    }

    private static MultipartFormDataContent File(byte[] content, string type, string name)
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { part, "file", name } };
    }

    private async Task<(InboxApi Supervisor, AgentConnection Live, string ConversationId)> ConversationAsync(string platform)
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        var supervisor = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        var live = await AgentConnection.ConnectAsync(System.GatewayUrl, supervisor);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, platform);
        var first = $"hello from {platform} {Guid.NewGuid():N}";
        await channel.CustomerWritesAsync(channel.NewCustomer(), first);
        var created = await live.Events.WaitForAsync(e => e.Type == EventNames.MessageCreated && e.Message?.Text == first, Timeout);
        return (supervisor, live, created.Conversation.ConversationId);
    }
}
