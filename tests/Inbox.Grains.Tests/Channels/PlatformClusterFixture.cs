using Azure.Data.Tables;
using Inbox.Grains.Channels;
using Inbox.Grains.Storage;
using Inbox.Simulator;
using Inbox.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Inbox.Grains.Tests.Channels;

/// <summary>
/// Two silos on a private Azurite whose channels send to a platform simulator: for tests that stop the silo holding a
/// channel grain while its outbox is full. Real time throughout (platform limits are counted in real seconds).
/// </summary>
public sealed class PlatformClusterFixture : IAsyncLifetime
{
    private Azurite _azurite = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public PlatformSimulator Simulator { get; private set; } = null!;

    /// <summary>The grain factory of a silo that stays up: trusted like a grain.</summary>
    public IGrainFactory Inside => Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();

    public async ValueTask InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Simulator = await PlatformSimulator.StartAsync();
        await new TableInitializer(new TableServiceClient(_azurite.ConnectionString)).StartAsync(CancellationToken.None);
        Cluster = InProcessSilo.Build(_azurite, "platform-tests", services => services
            .Configure<ChannelApiOptions>(o =>
            {
                o.BaseUrls = SimulatorApp.BaseUrls(Simulator.Url).ToDictionary();
                o.OutboxRecheck = TimeSpan.FromSeconds(2);
            })
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1)), silos: 2);
        await Cluster.DeployAsync();
    }

    /// <summary>Makes sure two silos run (a test may have stopped one).</summary>
    public async Task EnsureTwoSilosAsync()
    {
        if (Cluster.Silos.Count(s => s.IsActive) < 2)
        {
            await Cluster.StartAdditionalSiloAsync();
            await Cluster.WaitForLivenessToStabilizeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Simulator.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCluster : ICollectionFixture<PlatformClusterFixture>
{
    public const string Name = "platform cluster";
}
