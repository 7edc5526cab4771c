using Inbox.Contracts.Channels;
using Inbox.Contracts.Contacts;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Errors;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Organisations;

namespace Inbox.Grains.Tests.Channels;

/// <summary>Every grain state type is written, the grain deactivated, and the state read back from Azure Table storage.</summary>
[Collection(GrainCluster.Name)]
public sealed class StatefulGrainTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task A_visitor_keeps_their_contact_and_conversation_across_reactivation()
    {
        var organisationId = GrainKeys.NewId("org");
        var identity = fixture.Inside.GetGrain<IChannelIdentityGrain>(GrainKeys.Compose(organisationId, "web", "v_1"));
        Assert.Null(await identity.GetCurrentAsync());

        var first = await identity.ResolveConversationAsync(Platform.WebChat, "Visitor 1234");
        Assert.True(first.IsNew);
        await fixture.DeactivateAsync(identity);
        var known = first with { IsNew = false };
        Assert.Equal(known, await identity.GetCurrentAsync());
        Assert.Equal(known, await identity.ResolveConversationAsync(Platform.WebChat, "Someone else"));

        var contact = fixture.Inside.GetGrain<IContactGrain>(GrainKeys.Compose(organisationId, first.ContactId));
        await fixture.DeactivateAsync(contact);
        var profile = await contact.GetAsync();
        Assert.Equal("Visitor 1234", profile!.Name);
        Assert.Equal(["web:v_1"], profile.Identities);

        var conversation = fixture.Inside.GetGrain<IConversationGrain>(GrainKeys.Compose(organisationId, first.ConversationId));
        await fixture.DeactivateAsync(conversation);
        var summary = await conversation.GetSummaryAsync();
        Assert.Equal((first.ContactId, "Visitor 1234", "v_1", "web"), (summary!.ContactId, summary.ContactName, summary.ChannelUserId, summary.ChannelId));
    }

    [Fact]
    public async Task A_connected_web_chat_channel_is_found_by_its_website_token_after_reactivation()
    {
        var organisationId = GrainKeys.NewId("org");
        var token = GrainKeys.NewId("site");
        var organisation = fixture.Inside.GetGrain<IOrganisationGrain>(organisationId);
        await organisation.EnsureAsync("Acme");
        var channel = fixture.Inside.GetGrain<IChannelGrain>(GrainKeys.Compose(organisationId, "web"));
        var connected = await channel.ConnectWebChatAsync("Acme website", token);

        var tokenGrain = fixture.Inside.GetGrain<IChannelHandleGrain>(ChannelHandles.Website(token));
        await Task.WhenAll(fixture.DeactivateAsync(channel), fixture.DeactivateAsync(tokenGrain), fixture.DeactivateAsync(organisation));

        Assert.Equal(connected, await tokenGrain.GetChannelAsync());
        Assert.Equal(connected, await channel.GetAsync());
        Assert.Equal(new OrganisationInfo(organisationId, "Acme", ["web"], []).ChannelIds, (await organisation.GetAsync())!.ChannelIds);
        Assert.Equal("Acme", (await organisation.GetAsync())!.Name);

        // Connecting again with the same token is a no-op; another channel cannot take the token.
        Assert.Equal(connected, await channel.ConnectWebChatAsync("Acme website", token));
        var other = fixture.Inside.GetGrain<IChannelGrain>(GrainKeys.Compose(organisationId, "web2"));
        await Assert.ThrowsAsync<ConflictException>(() => other.ConnectWebChatAsync("Another site", token));
        Assert.Null(await fixture.Inside.GetGrain<IChannelHandleGrain>(ChannelHandles.Website(GrainKeys.NewId("unknown"))).GetChannelAsync());
    }
}
