using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Security;
using Inbox.Contracts.Users;

namespace Inbox.Grains.Tests.Security;

/// <summary>
/// The silo's own check, with no gateway in front: calls from a client outside the cluster are refused unless they
/// carry a caller with the method's permission and of the grain's organisation, and conversations answer only to
/// those who may read them.
/// </summary>
[Collection(GrainCluster.Name)]
public sealed class CallerAuthorizationTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task A_grain_called_from_outside_without_a_caller_refuses()
    {
        var (organisationId, conversationId, _) = await NewConversationAsync("web");
        var conversation = fixture.Grains.GetGrain<IConversationGrain>(GrainKeys.Compose(organisationId, conversationId));

        await Assert.ThrowsAsync<AccessDeniedException>(() => conversation.GetSummaryAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => conversation.ReplyAsync(new AgentReply("u_x", "X", "hello", null)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => fixture.Grains.GetGrain<IUserDirectoryGrain>(organisationId).ListAsync());
    }

    [Fact]
    public async Task A_grain_only_method_is_refused_to_every_client_even_an_admin()
    {
        var organisationId = GrainKeys.NewId("org");
        CallerContext.Set(User(organisationId, UserRole.Admin));
        var user = fixture.Grains.GetGrain<IUserGrain>(GrainKeys.Compose(organisationId, "u_1"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => user.CreateAsync(new NewUser("Eve", $"{Guid.NewGuid():N}@acme.test", UserRole.Admin, "a password!", [], [])));
    }

    [Fact]
    public async Task A_caller_of_another_organisation_is_refused_even_with_the_permission()
    {
        var (organisationId, conversationId, _) = await NewConversationAsync("web");
        CallerContext.Set(User(GrainKeys.NewId("org"), UserRole.Admin));

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            fixture.Grains.GetGrain<IConversationGrain>(GrainKeys.Compose(organisationId, conversationId)).GetSummaryAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => fixture.Grains.GetGrain<IUserDirectoryGrain>(organisationId).ListAsync());
    }

    [Fact]
    public async Task A_caller_without_the_permission_is_refused()
    {
        var organisationId = GrainKeys.NewId("org");
        CallerContext.Set(User(organisationId, UserRole.Supervisor));
        var user = fixture.Grains.GetGrain<IUserGrain>(GrainKeys.Compose(organisationId, "u_1"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => user.DeactivateAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => user.SignInAsync("a password"));
    }

    [Fact]
    public async Task An_agent_sees_only_conversations_of_their_channels_teams_or_assigned_to_them_and_a_supervisor_sees_all()
    {
        var organisationId = GrainKeys.NewId("org");
        var (_, onWeb, _) = await NewConversationAsync("web", organisationId);
        var (_, onLine, _) = await NewConversationAsync("line", organisationId);
        var index = fixture.Grains.GetGrain<IConversationIndexGrain>(organisationId);
        IConversationGrain Conversation(string id) => fixture.Grains.GetGrain<IConversationGrain>(GrainKeys.Compose(organisationId, id));

        CallerContext.Set(User(organisationId, UserRole.Agent, channels: ["web"]));
        Assert.Equal([onWeb], (await index.ListAsync(new ConversationQuery(null, 10))).Select(c => c.ConversationId));
        Assert.NotNull(await Conversation(onWeb).GetSummaryAsync());
        Assert.Null(await Conversation(onLine).GetSummaryAsync());
        await Assert.ThrowsAsync<ConversationNotFoundException>(() => Conversation(onLine).GetMessagesAsync(null, 10));
        await Assert.ThrowsAsync<ConversationNotFoundException>(() => Conversation(onLine).ReplyAsync(new AgentReply("u_agent", "Agent", "hi", null)));

        CallerContext.Set(User(organisationId, UserRole.Supervisor));
        Assert.Equal(new[] { onWeb, onLine }.Order(), (await index.ListAsync(new ConversationQuery(null, 10))).Select(c => c.ConversationId).Order());
        Assert.NotNull(await Conversation(onLine).GetSummaryAsync());
    }

    [Fact]
    public async Task A_visitor_reads_and_writes_only_their_own_conversation()
    {
        var (organisationId, mine, visitorId) = await NewConversationAsync("web");
        var (_, theirs, otherVisitorId) = await NewConversationAsync("web", organisationId);
        CallerContext.Set(Caller.Visitor(organisationId, "web", visitorId, "Visitor", null));

        var conversation = fixture.Grains.GetGrain<IConversationGrain>(GrainKeys.Compose(organisationId, mine));
        Assert.Equal(1, (await conversation.ReceiveAsync(new InboundMessage("m-1", "hello"))).Sequence);
        Assert.Single((await conversation.GetMessagesAsync(null, 10)).Messages);

        var other = fixture.Grains.GetGrain<IConversationGrain>(GrainKeys.Compose(organisationId, theirs));
        await Assert.ThrowsAsync<ConversationNotFoundException>(() => other.GetMessagesAsync(null, 10));
        await Assert.ThrowsAsync<ConversationNotFoundException>(() => other.ReceiveAsync(new InboundMessage("m-2", "let me in")));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            fixture.Grains.GetGrain<IChannelIdentityGrain>(GrainKeys.Compose(organisationId, "web", otherVisitorId)).GetCurrentAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => conversation.ReplyAsync(new AgentReply("v", "Visitor", "as an agent", null)));
    }

    private static Caller User(string organisationId, UserRole role, IReadOnlyList<string>? channels = null) =>
        Caller.User(organisationId, GrainKeys.NewId("u"), "Someone", role, channels ?? [], [], null);

    private async Task<(string OrganisationId, string ConversationId, string VisitorId)> NewConversationAsync(string channelId, string? organisationId = null)
    {
        organisationId ??= GrainKeys.NewId("org");
        var visitor = GrainKeys.NewId("v");
        var current = await fixture.Inside.GetGrain<IChannelIdentityGrain>(GrainKeys.Compose(organisationId, channelId, visitor))
            .ResolveConversationAsync(Platform.WebChat, "Visitor");
        return (organisationId, current.ConversationId, visitor);
    }
}
