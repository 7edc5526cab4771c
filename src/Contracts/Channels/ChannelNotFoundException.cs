namespace Inbox.Contracts.Channels;

/// <summary>Thrown when a call names a channel that was never connected.</summary>
[GenerateSerializer, Alias("inbox.channel-not-found")]
public sealed class ChannelNotFoundException : Exception
{
    /// <summary>Creates the exception for a channel key.</summary>
    public ChannelNotFoundException(string channelKey)
        : base($"Channel '{channelKey}' does not exist.") { }

    /// <summary>Creates an empty exception (for serializers).</summary>
    public ChannelNotFoundException() { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ChannelNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}
