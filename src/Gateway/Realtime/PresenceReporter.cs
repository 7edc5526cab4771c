using Inbox.Contracts.Agents;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Gateway.Security;
using Inbox.Hosting;
using Microsoft.Extensions.Options;

namespace Inbox.Gateway.Realtime;

/// <summary>
/// Tells each connected agent's grain, every heartbeat, which of their connections are open here. An agent no
/// gateway reports any more (every tab closed, the gateway gone) goes offline after the grace period.
/// </summary>
public sealed partial class PresenceReporter(
    IClusterClient cluster,
    ConnectedAgents connectedAgents,
    IOptions<RoutingOptions> options,
    ILogger<PresenceReporter> logger) : BackgroundService
{
    /// <summary>Reports a new connection of a user (so they are online at once).</summary>
    public Task ReportOpenedAsync(string organisationId, string userId, string connectionId)
    {
        GatewayCallers.ActAsService();
        return cluster.Get<IAgentGrain>(GrainKeys.Compose(organisationId, userId)).ConnectedAsync(connectedAgents.GatewayId, connectionId);
    }

    /// <summary>Reports all of one user's connections here (the heartbeat).</summary>
    private Task ReportAsync(string organisationId, string userId, IReadOnlyList<string> connectionIds)
    {
        GatewayCallers.ActAsService();
        return cluster.Get<IAgentGrain>(GrainKeys.Compose(organisationId, userId)).HeartbeatAsync(connectedAgents.GatewayId, connectionIds);
    }

    /// <summary>Reports that one connection closed.</summary>
    public Task ReportClosedAsync(string organisationId, string userId, string connectionId)
    {
        GatewayCallers.ActAsService();
        return cluster.Get<IAgentGrain>(GrainKeys.Compose(organisationId, userId)).DisconnectedAsync(connectionId);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var (organisationId, userId, connectionIds) in connectedAgents.Connections.ToList())
            {
                try
                {
                    await ReportAsync(organisationId, userId, connectionIds);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The silo may be restarting; the agent's grace period covers a missed heartbeat or two.
                    LogHeartbeatFailed(e, organisationId, userId);
                }
            }
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Could not report the connections of {OrganisationId}:{UserId}")]
    private partial void LogHeartbeatFailed(Exception exception, string organisationId, string userId);
}
