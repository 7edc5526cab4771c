using Inbox.Contracts.Contacts;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Security;
using Inbox.Contracts.Users;
using Inbox.Grains.Contacts;
using Inbox.Grains.Storage;
using Inbox.Grains.Tests.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Inbox.Grains.Tests.Security;

/// <summary>Who may see a customer: whoever may read one of their conversations, checked by the silo itself.</summary>
[Collection(GrainCluster.Name)]
public sealed class ContactAccessTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task An_agent_sees_and_changes_a_customer_only_through_a_conversation_they_may_read()
    {
        var (world, contact, conversationId, ana, ben) = await CustomerOnTheWebChatAsync();
        var anaOnWhatsApp = Caller.User(world.OrganisationId, ana, "Ana", UserRole.Agent, [RoutingWorld.WhatsApp], [], null);
        var benInBilling = Caller.User(world.OrganisationId, ben, "Ben", UserRole.Agent, [RoutingWorld.WhatsApp], ["billing"], null);
        try
        {
            CallerContext.Set(anaOnWhatsApp);
            Assert.Null(await contact.GetForCallerAsync());
            await Assert.ThrowsAsync<AccessDeniedException>(() => contact.UpdateAsync("fr", null));
            CallerContext.Set(benInBilling);
            Assert.Null(await contact.GetForCallerAsync());

            // An agent on a channel the customer is known on, and a supervisor, see them at once.
            CallerContext.Set(Caller.User(world.OrganisationId, GrainKeys.NewId("u"), "Wes", UserRole.Agent, [RoutingWorld.Web], [], null));
            Assert.NotNull(await contact.GetForCallerAsync());
            CallerContext.Set(Supervisor(world));
            Assert.NotNull(await contact.GetForCallerAsync());

            // Assigned to Ana and routed to Ben's team: both see the customer now, and Ana may change their details.
            await world.Conversation(conversationId).AssignAsync(ana, "billing");
            CallerContext.Set(anaOnWhatsApp);
            Assert.Equal("fr", (await contact.UpdateAsync("fr", null)).Language);
            CallerContext.Set(benInBilling);
            Assert.Equal("fr", (await contact.GetForCallerAsync())!.Language);

            // Another organisation's supervisor is refused at the silo's edge.
            CallerContext.Set(Caller.User(GrainKeys.NewId("org"), GrainKeys.NewId("u"), "Eve", UserRole.Supervisor, [], [], null));
            await Assert.ThrowsAsync<AccessDeniedException>(() => contact.GetForCallerAsync());
        }
        finally
        {
            CallerContext.Clear();
        }
    }

    [Fact]
    public async Task A_customer_stored_before_contacts_kept_their_conversations_is_seen_through_the_conversation_list()
    {
        var (world, contact, conversationId, ana, _) = await CustomerOnTheWebChatAsync();

        // As stored before 2026-11-27: no conversations on the contact.
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        var stored = new GrainState<ContactState>();
        await storage.ReadStateAsync("contact", contact.GetGrainId(), stored);
        stored.State!.ConversationIds.Clear();
        await storage.WriteStateAsync("contact", contact.GetGrainId(), stored);
        await fixture.DeactivateAsync(contact);

        var anaOnWhatsApp = Caller.User(world.OrganisationId, ana, "Ana", UserRole.Agent, [RoutingWorld.WhatsApp], [], null);
        try
        {
            CallerContext.Set(anaOnWhatsApp);
            Assert.Null(await contact.GetForCallerAsync());
            CallerContext.Set(Supervisor(world));
            await world.Conversation(conversationId).AssignAsync(ana, null);
            CallerContext.Set(anaOnWhatsApp);
            Assert.NotNull(await contact.GetForCallerAsync());
        }
        finally
        {
            CallerContext.Clear();
        }
    }

    // A web-chat customer's contact, seen from outside the cluster, and two agents who work WhatsApp only (Ben in the
    // billing team); nothing is assigned automatically.
    private async Task<(RoutingWorld World, IContactGrain Contact, string ConversationId, string Ana, string Ben)> CustomerOnTheWebChatAsync()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync("billing");
        await world.SettingsAsync(s => s with { AutoAssign = false });
        var ana = await world.AgentAsync("Ana", channels: [RoutingWorld.WhatsApp]);
        var ben = await world.AgentAsync("Ben", channels: [RoutingWorld.WhatsApp], teams: ["billing"]);
        var conversation = await world.CustomerWritesAsync("Hello");
        var summary = (await conversation.GetSummaryAsync())!;
        return (world, fixture.Grains.GetGrain<IContactGrain>(GrainKeys.Compose(world.OrganisationId, summary.ContactId)), summary.ConversationId, ana, ben);
    }

    private static Caller Supervisor(RoutingWorld world) => Caller.User(world.OrganisationId, "u_sup", "Sam", UserRole.Supervisor, [], [], null);
}
