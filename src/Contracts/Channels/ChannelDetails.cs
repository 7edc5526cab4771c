namespace Inbox.Contracts.Channels;

/// <summary>A channel as its settings page shows it: credentials are write-only, so only their field names and age appear.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="CredentialFields">The names of the credential fields that are set (e.g. <c>accessToken</c>), never their values.</param>
/// <param name="CredentialsUpdatedAt">When the credentials were last replaced, or null when none are set.</param>
[GenerateSerializer, Immutable, Alias("inbox.channel-details.v1")]
public sealed record ChannelDetails(
    [property: Id(0)] ChannelInfo Channel,
    [property: Id(1)] IReadOnlyList<string> CredentialFields,
    [property: Id(2)] DateTimeOffset? CredentialsUpdatedAt);
