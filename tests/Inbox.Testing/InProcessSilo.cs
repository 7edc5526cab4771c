using Azure.Data.Tables;
using Inbox.Grains;
using Inbox.Hosting.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Inbox.Testing;

/// <summary>
/// A one-silo Orleans cluster in this process whose grains persist to <see cref="Azurite"/> through the same providers
/// and services the real silo uses: for grain tests and for benchmarks of what only grains can reach.
/// </summary>
public static class InProcessSilo
{
    /// <summary>
    /// Builds (does not start) the cluster. <paramref name="configure"/> runs before the inbox's own services are added,
    /// so what it registers (a clock, options) wins over their defaults. A fixed <paramref name="serviceId"/> lets a
    /// restarted silo find what the first one stored. <paramref name="silos"/> silos start with the cluster.
    /// </summary>
    public static InProcessTestCluster Build(Azurite azurite, string serviceId, Action<IServiceCollection>? configure = null, short silos = 1)
    {
        var connectionString = azurite.ConnectionString;
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) => silo.AddInboxGrains(new TableServiceClient(connectionString)));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Inbox:Storage:ConnectionString"] = connectionString,
            ["Inbox:DataProtection:CertificatePath"] = azurite.DataProtectionCertificatePath,
            ["Inbox:DataProtection:CreateCertificateIfMissing"] = "true",
        }).Build();
        builder.ConfigureSiloHost((_, host) =>
        {
            configure?.Invoke(host.Services);
            host.Services.AddInboxGrainServices(connectionString).AddInboxDataProtection(configuration);
        });
        return builder.Build();
    }
}
