using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;

namespace Inbox.Grains.Tests.Grains;

/// <summary>References made from the stored grain and interface types reach the same grains as Orleans' own.</summary>
[Collection(GrainCluster.Name)]
public sealed class GrainReferencesTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task A_reference_names_the_same_grain_as_GetGrain_and_its_calls_reach_it()
    {
        var organisationId = GrainKeys.NewId("org");
        var identityKey = GrainKeys.Compose(organisationId, "web", GrainKeys.NewId("v"));

        // Inside the silo (grains) and through the client (the gateway), as each is used.
        foreach (var grains in new[] { fixture.Inside, fixture.Grains })
        {
            Assert.Equal(grains.GetGrain<IChannelIdentityGrain>(identityKey).GetGrainId(), grains.Get<IChannelIdentityGrain>(identityKey).GetGrainId());
            Assert.Equal(grains.GetGrain<IConversationGrain>(identityKey), grains.Get<IConversationGrain>(identityKey));
        }

        var current = await fixture.Inside.Get<IChannelIdentityGrain>(identityKey).ResolveConversationAsync(Platform.WebChat, "Visitor");
        var key = GrainKeys.Compose(organisationId, current.ConversationId);
        await fixture.Inside.Get<IConversationGrain>(key).ReceiveAsync(new InboundMessage("m-1", "Hello"));

        Assert.Equal("Hello", (await fixture.Inside.GetGrain<IConversationGrain>(key).GetSummaryAsync())!.LastMessagePreview);
    }

    [Fact]
    public void A_missing_key_is_refused_as_GetGrain_refuses_it()
    {
        Assert.Throws<ArgumentException>(() => fixture.Inside.Get<IConversationGrain>(""));
    }
}
