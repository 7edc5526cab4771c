using Inbox.Contracts.Channels;

namespace Inbox.Grains.Channels;

/// <summary>A connected channel's settings.</summary>
[GenerateSerializer, Alias("inbox.channel-state.v1")]
public sealed class ChannelState
{
    [Id(0)] public Platform Platform { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string? WebsiteToken { get; set; }

    /// <summary>The credentials, encrypted by <see cref="ChannelSecrets"/>; never stored or logged in the clear.</summary>
    [Id(3)] public string? ProtectedCredentials { get; set; }
    [Id(4)] public List<string> CredentialFields { get; set; } = [];
    [Id(5)] public DateTimeOffset? CredentialsUpdatedAt { get; set; }

    /// <summary>The platform fields that are not secret (ids, generated verify tokens), shown to admins.</summary>
    [Id(6)] public Dictionary<string, string> Settings { get; set; } = [];

    // Ids 7-9 came with disabling channels; channels stored before them read as active.
    [Id(7)] public bool Disabled { get; set; }
    [Id(8)] public DateTimeOffset? DisabledAt { get; set; }
    [Id(9)] public long DiscardedWhileDisabled { get; set; }

    // Ids 10-12 came with channel health.

    /// <summary>When the platform refused the access token, while no new one was given.</summary>
    [Id(10)] public DateTimeOffset? NeedsReconnectSince { get; set; }

    /// <summary>The platform's last refusal of a send.</summary>
    [Id(11)] public ChannelError? LastError { get; set; }

    /// <summary>The admin's pace for the channel (messages per second); null: the platform's documented limit.</summary>
    [Id(12)] public double? RatePerSecond { get; set; }
}
