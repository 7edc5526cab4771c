using Inbox.Contracts.Routing;

namespace Inbox.Grains.Routing;

/// <summary>What is stored of an organisation's routing: its settings and rules. Everything else is rebuilt.</summary>
[GenerateSerializer, Alias("inbox.routing-state.v1")]
public sealed class RoutingState
{
    [Id(0)] public RoutingSettings Settings { get; set; } = RoutingSettings.Default;
}
