using Inbox.Contracts.Agents;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Organisations;
using Inbox.Contracts.Routing;
using Inbox.Contracts.Users;
using Inbox.Testing;

namespace Inbox.Grains.Tests.Routing;

/// <summary>A fresh organisation with channels, teams and agents, and customers who write in, for routing tests.</summary>
internal sealed class RoutingWorld(GrainClusterFixture fixture)
{
    public const string Web = "web";
    public const string WhatsApp = "wa";

    public string OrganisationId { get; } = GrainKeys.NewId("org");

    public IRoutingGrain Routing => fixture.Inside.GetGrain<IRoutingGrain>(OrganisationId);

    public async Task<RoutingWorld> SetUpAsync(params string[] teams)
    {
        var organisation = fixture.Inside.GetGrain<IOrganisationGrain>(OrganisationId);
        await organisation.EnsureAsync("Acme");
        await organisation.AddChannelAsync(Web);
        await organisation.AddChannelAsync(WhatsApp);
        foreach (var team in teams)
        {
            await organisation.SaveTeamAsync(team, team);
        }

        return this;
    }

    public async Task SettingsAsync(Func<RoutingSettings, RoutingSettings> change) =>
        await Routing.SaveSettingsAsync(change(await Routing.GetSettingsAsync()));

    /// <summary>An agent working <paramref name="channels"/> (the web chat when none), connected (so online) unless told otherwise.</summary>
    public async Task<string> AgentAsync(
        string name, int? capacity = null, string[]? teams = null, string[]? channels = null, bool connected = true, UserRole role = UserRole.Agent)
    {
        var userId = GrainKeys.NewId("u");
        await fixture.Inside.GetGrain<IUserGrain>(GrainKeys.Compose(OrganisationId, userId))
            .CreateAsync(new NewUser(name, $"{userId}@acme.test", role, "a long enough password", teams ?? [], channels ?? [Web]));
        if (capacity is { } c)
        {
            await Agent(userId).SetCapacityAsync(c);
        }

        if (connected)
        {
            await ConnectAsync(userId);
        }

        return userId;
    }

    public IAgentGrain Agent(string userId) => fixture.Inside.GetGrain<IAgentGrain>(GrainKeys.Compose(OrganisationId, userId));

    public Task ConnectAsync(string userId) => Agent(userId).ConnectedAsync("gw-test", "conn-" + userId);

    public Task DisconnectAsync(string userId) => Agent(userId).DisconnectedAsync("conn-" + userId);

    /// <summary>A new customer writes <paramref name="text"/>; returns their conversation.</summary>
    public async Task<IConversationGrain> CustomerWritesAsync(string text, string channel = Web, string? language = null, string? visitor = null)
    {
        visitor ??= GrainKeys.NewId("v");
        var identity = fixture.Inside.GetGrain<IChannelIdentityGrain>(GrainKeys.Compose(OrganisationId, channel, visitor));
        var current = await identity.ResolveConversationAsync(Platform.WebChat, "Customer " + visitor[^4..], language);
        var (conversation, _) = await CustomerMessages.ReceiveAsync(
            fixture.Inside, OrganisationId, identity, current, Platform.WebChat, "Customer", new InboundMessage(GrainKeys.NewId("m"), text));
        return Conversation(conversation.ConversationId);
    }

    public IConversationGrain Conversation(string conversationId) =>
        fixture.Inside.GetGrain<IConversationGrain>(GrainKeys.Compose(OrganisationId, conversationId));

    /// <summary>Every conversation of the organisation as stored in the conversation list.</summary>
    public Task<IReadOnlyList<ConversationSummary>> StoredAsync() =>
        fixture.Inside.GetGrain<IConversationIndexGrain>(OrganisationId).ListAsync(new ConversationQuery(null, 100_000));

    /// <summary>Waits until <paramref name="check"/> holds, up to <paramref name="seconds"/>.</summary>
    public static Task UntilAsync(Func<Task<bool>> check, int seconds = 30) => Eventually.TrueAsync(check, TimeSpan.FromSeconds(seconds));

    public static async Task<IReadOnlyList<string>> NoticesAsync(IConversationGrain conversation) =>
        (await conversation.GetMessagesAsync(null, 100)).Messages.Where(m => m.Kind == MessageKind.Activity).Select(m => m.Text).ToList();
}
