using Inbox.Contracts.Channels;

namespace Inbox.Grains.Channels;

/// <summary>The channel a public handle is bound to.</summary>
[GenerateSerializer, Alias("inbox.channel-handle-state.v1")]
public sealed class ChannelHandleState
{
    [Id(0)] public ChannelInfo? Channel { get; set; }
}
