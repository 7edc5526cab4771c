using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inbox.Silo.Health;

/// <summary>Ready while this silo is an active member of the cluster; not while joining or shutting down.</summary>
internal sealed class SiloReadyCheck(IClusterMembershipService membership, ILocalSiloDetails local) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Silo is {status}."));
    }
}
