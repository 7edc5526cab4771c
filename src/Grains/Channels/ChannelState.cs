using Inbox.Contracts.Channels;

namespace Inbox.Grains.Channels;

/// <summary>A connected channel's settings.</summary>
[GenerateSerializer, Alias("inbox.channel-state.v1")]
public sealed class ChannelState
{
    [Id(0)] public Platform Platform { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string? WebsiteToken { get; set; }
}
