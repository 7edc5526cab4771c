namespace Inbox.Grains.Channels;

/// <summary>Which contact a platform user is, and which conversation their messages go to now.</summary>
[GenerateSerializer, Alias("inbox.channel-identity-state.v1")]
public sealed class ChannelIdentityState
{
    [Id(0)] public string ContactId { get; set; } = "";
    [Id(1)] public string ConversationId { get; set; } = "";
}
