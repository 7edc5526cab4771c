using Azure.Data.Tables;
using Inbox.Grains.Storage;
using Inbox.Hosting;
using Inbox.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Inbox.Grains.Tests;

/// <summary>
/// An in-process Orleans test cluster whose grains persist to a private Azurite through the same providers the real
/// silo uses. Shared by a collection: tests use fresh keys so they never see each other's data.
/// </summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    private Azurite _azurite = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public TableServiceClient Tables { get; private set; } = null!;

    /// <summary>A client outside the cluster, like a gateway: its calls need a caller (see <c>CallerContext</c>).</summary>
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The silo's own grain factory: trusted like a grain, for setting up what a test needs.</summary>
    public IGrainFactory Inside => Cluster.GetSiloServiceProvider().GetRequiredService<IGrainFactory>();

    /// <summary>The silo's clock: starts now and moves a millisecond per reading, or further when a test advances it.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    public async ValueTask InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Tables = new TableServiceClient(_azurite.ConnectionString);
        await new TableInitializer(Tables).StartAsync(CancellationToken.None);

        Cluster = InProcessSilo.Build(_azurite, "grain-tests", services => services
            .AddSingleton<TimeProvider>(Time)

            // The grains' own clock is the test's; Orleans' timers and reminders keep real time, so a timer fires
            // when its period has passed and a test moves the grains' "now" only where it means to.
            .AddKeyedSingleton<TimeProvider>(KeyedService.AnyKey, (_, _) => TimeProvider.System)

            // A snooze whose silo restarted ends within seconds rather than the production minute.
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1))
            .Configure<RoutingOptions>(o => o.SnoozeRecheck = TimeSpan.FromSeconds(2)));
        await Cluster.DeployAsync();
    }

    /// <summary>Deactivates a grain and waits until it is gone, so the next call reactivates it from storage.</summary>
    public async Task DeactivateAsync(IAddressable grain) => await Cluster.DeactivateAsync(grain);

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GrainCluster : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain cluster";
}

/// <summary>A cluster of its own for tests that restart the silo, so no other test sees the restart.</summary>
[CollectionDefinition(Name)]
public sealed class RestartableGrainCluster : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "restartable grain cluster";
}
