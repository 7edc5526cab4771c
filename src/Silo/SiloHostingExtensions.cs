using System.Net;
using Azure.Data.Tables;
using Inbox.Grains;
using Inbox.Hosting;
using Inbox.Hosting.DataProtection;
using Inbox.Silo.Seeding;
using Inbox.Silo.Health;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Inbox.Silo;

/// <summary>Everything a silo process consists of, configured from <c>Inbox:*</c> settings alone.</summary>
public static class SiloHostingExtensions
{
    public static WebApplicationBuilder AddInboxSilo(this WebApplicationBuilder builder)
    {
        var cluster = InboxConfiguration.Read<InboxClusterOptions>(builder.Configuration, InboxClusterOptions.SectionName);
        var storage = InboxConfiguration.Read<InboxStorageOptions>(builder.Configuration, InboxStorageOptions.SectionName);

        // Registered before Orleans so the tables exist before the silo takes its first call.
        builder.Services.AddInboxGrainServices(storage.ConnectionString);
        builder.Services.AddInboxDataProtection(builder.Configuration);

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
            var tables = new TableServiceClient(storage.ConnectionString);
            if (cluster.Mode == ClusteringMode.Localhost)
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            }
            else
            {
                silo.UseAzureStorageClustering(o => o.TableServiceClient = tables);
                silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort);
            }

            // A silo that stops without leaving (killed) is declared dead in seconds rather than the default ~15 s,
            // so its conversations come back on another silo quickly.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(2);
                o.NumMissedProbesLimit = 2;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
            });
            silo.AddInboxGrains(tables);
        });

        builder.Services.AddHealthChecks().AddCheck<SiloReadyCheck>("silo", tags: [HealthEndpoints.ReadyTag]);
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SeedOptions>, SeedOptionsValidator>();

        // Hosted services start in order: this one runs after the silo is up, and Kestrel (so /health) only after it.
        builder.Services.AddHostedService<Seeder>();
        return builder;
    }
}
