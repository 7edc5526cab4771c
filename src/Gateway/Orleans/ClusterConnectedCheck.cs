using Inbox.Gateway.Realtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inbox.Gateway.Orleans;

/// <summary>Ready while the gateway's Orleans client has at least one silo to talk to.</summary>
internal sealed class ClusterConnectedCheck(ClusterConnectionSignal cluster) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(cluster.IsConnected
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Not connected to any silo."));
}
