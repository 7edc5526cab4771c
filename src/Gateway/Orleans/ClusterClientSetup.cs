using System.Net;
using Azure.Data.Tables;
using Inbox.Hosting;
using Orleans.Configuration;

namespace Inbox.Gateway.Orleans;

/// <summary>Connects the gateway to the silo cluster as an Orleans client, by configuration alone.</summary>
internal static class ClusterClientSetup
{
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(60);

    public static WebApplicationBuilder AddInboxClusterClient(this WebApplicationBuilder builder)
    {
        var cluster = InboxConfiguration.Read<InboxClusterOptions>(builder.Configuration, InboxClusterOptions.SectionName);
        var storage = InboxConfiguration.Read<InboxStorageOptions>(builder.Configuration, InboxStorageOptions.SectionName);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
            if (cluster.Mode == ClusteringMode.Localhost)
            {
                client.UseStaticClustering(new IPEndPoint(IPAddress.Parse(cluster.AdvertisedAddress), cluster.GatewayPort));
            }
            else
            {
                client.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(storage.ConnectionString));

                // The default one-minute refresh would leave the gateway without a silo for that long after a restart.
                client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
            }

            // Starting before the silo is ready (or while it restarts) is normal: keep trying for a minute.
            var started = DateTimeOffset.UtcNow;
            client.UseConnectionRetryFilter(async (exception, cancellationToken) =>
            {
                if (DateTimeOffset.UtcNow - started > ConnectPatience)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            });
        });
        return builder;
    }
}
