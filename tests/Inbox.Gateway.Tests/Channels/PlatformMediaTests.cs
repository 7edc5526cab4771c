using System.Net;
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
}
