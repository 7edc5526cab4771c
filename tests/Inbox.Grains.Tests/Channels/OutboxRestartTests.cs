using System.Text.Json.Nodes;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Organisations;
using Inbox.Testing;
using Orleans.TestingHost;

namespace Inbox.Grains.Tests.Channels;

/// <summary>A channel's outbox survives the silo that holds it: stopped or killed with replies queued, nothing is lost or sent twice.</summary>
[Collection(PlatformCluster.Name)]
public sealed class OutboxRestartTests(PlatformClusterFixture fixture)
{
    private const int Customers = 40;
    private const int RepliesEach = 5;

    [Fact(Timeout = 180_000)]
    public async Task Stopping_the_silo_holding_the_channel_with_200_replies_queued_delivers_each_exactly_once_in_order()
    {
        await fixture.EnsureTwoSilosAsync();
        var world = await TelegramWorld.CreateAsync(fixture);

        // Slow enough that nearly everything is still queued when the silo stops.
        await world.Channel.SetRateAsync(1);
        var secondary = await world.MoveChannelToSecondaryAsync();
        var replies = await world.QueueRepliesAsync();
        Assert.True((await world.Channel.GetHealthAsync())!.QueueDepth > Customers * RepliesEach / 2);

        await fixture.Cluster.StopSiloAsync(secondary, TestContext.Current.CancellationToken);

        // Reactivated on the silo left, by this call (its reminder would do it within seconds too).
        await world.Channel.SetRateAsync(100);
        await Eventually.TrueAsync(async () => (await world.Channel.GetHealthAsync())!.QueueDepth == 0, TimeSpan.FromSeconds(60));

        var accepted = world.Accepted();
        Assert.Equal(replies.Count, accepted.Count);
        Assert.Equal(replies.Order(StringComparer.Ordinal), accepted.Select(a => a.Text).Order(StringComparer.Ordinal));
        foreach (var chat in accepted.GroupBy(a => a.ChatId))
        {
            Assert.Equal(replies.Where(r => r.StartsWith(chat.Key + "/", StringComparison.Ordinal)), chat.Select(a => a.Text));
        }

        Assert.All(await world.OutgoingAsync(), m => Assert.Equal(DeliveryStatus.Sent, m.DeliveryStatus));
    }

    [Fact(Timeout = 180_000)]
    public async Task Killing_the_silo_mid_send_loses_nothing_and_sends_nothing_twice()
    {
        await fixture.EnsureTwoSilosAsync();
        var world = await TelegramWorld.CreateAsync(fixture);
        await world.Channel.SetRateAsync(10);
        var secondary = await world.MoveChannelToSecondaryAsync();
        var replies = await world.QueueRepliesAsync();
        await Eventually.TrueAsync(() => Task.FromResult(world.Accepted().Count >= 10), TimeSpan.FromSeconds(30));

        await fixture.Cluster.KillSiloAsync(secondary, TestContext.Current.CancellationToken);
        await fixture.Cluster.WaitForLivenessToStabilizeAsync();

        await world.Channel.SetRateAsync(100);
        await Eventually.TrueAsync(async () => (await world.Channel.GetHealthAsync())!.QueueDepth == 0, TimeSpan.FromSeconds(90));
        await Eventually.TrueAsync(async () => (await world.OutgoingAsync()).All(m => m.DeliveryStatus != DeliveryStatus.Pending), TimeSpan.FromSeconds(30));

        // Never twice; every reply the inbox calls sent arrived; a reply in doubt says so and arrived at most once.
        var accepted = world.Accepted();
        Assert.Equal(accepted.Count, accepted.Select(a => a.Text).Distinct(StringComparer.Ordinal).Count());
        var outgoing = await world.OutgoingAsync();
        Assert.Equal(replies.Count, outgoing.Count);
        foreach (var message in outgoing)
        {
            var arrived = accepted.Count(a => a.Text == message.Text);
            if (message.DeliveryStatus == DeliveryStatus.Sent)
            {
                Assert.Equal(1, arrived);
            }
            else
            {
                Assert.Equal(DeliveryStatus.Failed, message.DeliveryStatus);
                Assert.StartsWith("Not confirmed:", message.Notice, StringComparison.Ordinal);
                Assert.InRange(arrived, 0, 1);
            }
        }

        Assert.True(outgoing.Count(m => m.DeliveryStatus == DeliveryStatus.Sent) >= replies.Count - fixture.Cluster.Silos.Count * 16);
    }

    /// <summary>An organisation with a Telegram bot of its own (so its requests are told apart) and 40 customers who wrote in.</summary>
    private sealed class TelegramWorld(PlatformClusterFixture fixture, string botToken, IChannelGrain channel, List<IConversationGrain> conversations)
    {
        public IChannelGrain Channel => channel;

        public static async Task<TelegramWorld> CreateAsync(PlatformClusterFixture fixture)
        {
            var organisationId = GrainKeys.NewId("org");
            await fixture.Inside.GetGrain<IOrganisationGrain>(organisationId).EnsureAsync("Acme");
            var botToken = $"{Random.Shared.Next(100_000, 999_999)}:AA{Guid.NewGuid():N}";
            var channelId = GrainKeys.NewId("tg");
            var channel = fixture.Inside.GetGrain<IChannelGrain>(GrainKeys.Compose(organisationId, channelId));
            await channel.ConnectAsync(new ChannelSetup(Platform.Telegram, "Support bot", new Dictionary<string, string> { ["botToken"] = botToken }));

            var conversations = await Task.WhenAll(Enumerable.Range(0, Customers).Select(async i =>
            {
                var chatId = (700_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var identity = fixture.Inside.GetGrain<IChannelIdentityGrain>(GrainKeys.Compose(organisationId, channelId, chatId));
                var current = await identity.ResolveConversationAsync(Platform.Telegram, "Customer " + i);
                var (conversation, _) = await CustomerMessages.ReceiveAsync(
                    fixture.Inside, organisationId, identity, current, Platform.Telegram, "Customer " + i, new InboundMessage($"{chatId}:1", "Where is my order?"));
                return fixture.Inside.GetGrain<IConversationGrain>(GrainKeys.Compose(organisationId, conversation.ConversationId));
            }));
            return new TelegramWorld(fixture, botToken, channel, [.. conversations]);
        }

        /// <summary>Moves the channel grain to the second silo (the one a test stops) and returns that silo.</summary>
        public async Task<InProcessSiloHandle> MoveChannelToSecondaryAsync()
        {
            var secondary = fixture.Cluster.Silos.Last(s => s.IsActive);
            var management = fixture.Inside.GetGrain<IManagementGrain>(0);
            if (await management.GetActivationAddress(channel) != secondary.SiloAddress)
            {
                // TestingHost's MigrateAsync can wait for ever for a migration it did not see; the address is the truth.
                try
                {
                    await fixture.Cluster.MigrateAsync(channel, secondary.SiloAddress).WaitAsync(TimeSpan.FromSeconds(10));
                }
                catch (TimeoutException)
                {
                    // Checked below.
                }
            }

            await Eventually.TrueAsync(async () => await management.GetActivationAddress(channel) == secondary.SiloAddress, TimeSpan.FromSeconds(10));
            return secondary;
        }

        /// <summary>Each customer gets five replies, written one after another (so in order), all customers at once; returns the texts.</summary>
        public async Task<List<string>> QueueRepliesAsync()
        {
            var texts = await Task.WhenAll(conversations.Select(async (conversation, i) =>
            {
                var chatId = 700_000 + i;
                var written = new List<string>();
                for (var r = 0; r < RepliesEach; r++)
                {
                    var text = $"{chatId}/{r}/{Guid.NewGuid():N}";
                    await conversation.ReplyAsync(new AgentReply("u_agent", "Agent", text, null));
                    written.Add(text);
                }

                return written;
            }));
            return [.. texts.SelectMany(t => t)];
        }

        /// <summary>What the platform accepted from this bot, in arrival order.</summary>
        public List<(string ChatId, string Text)> Accepted() =>
            [.. fixture.Simulator.Received("telegram")
                .Where(r => r.Accepted && r.Path.Contains(botToken, StringComparison.Ordinal))
                .Select(r => JsonNode.Parse(r.Body)!)
                .Select(b => (((long)b["chat_id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), (string)b["text"]!))];

        /// <summary>Every agent reply as stored in its conversation.</summary>
        public async Task<List<MessageRecord>> OutgoingAsync() =>
            [.. (await Task.WhenAll(conversations.Select(c => c.GetMessagesAsync(null, 100)))).SelectMany(p => p.Messages).Where(m => m.Kind == MessageKind.Outgoing)];
    }
}
