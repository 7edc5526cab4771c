using Inbox.Contracts.Channels;

namespace Inbox.Grains.Channels;

/// <summary>The channel a website token is bound to.</summary>
[GenerateSerializer, Alias("inbox.website-token-state.v1")]
public sealed class WebsiteTokenState
{
    [Id(0)] public ChannelInfo? Channel { get; set; }
}
