namespace Inbox.Contracts.Channels;

/// <summary>A channel as its settings page shows it: secrets are write-only, so only their field names and age appear.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="CredentialFields">The names of the fields that are set (e.g. <c>accessToken</c>), never a secret's value.</param>
/// <param name="CredentialsUpdatedAt">When the credentials were last replaced, or null when none are set.</param>
/// <param name="Settings">
/// The fields that are not secret, with their values: platform ids the admin gave and the tokens the inbox generated
/// for the admin to paste into the platform's console (a webhook verify token).
/// </param>
/// <param name="WebhookPath">Where the platform must send webhooks, relative to the inbox's public address; null for web chat.</param>
/// <param name="DiscardedWhileDisabled">Inbound messages acknowledged to the platform but not shown because the channel was disabled.</param>
[GenerateSerializer, Immutable, Alias("inbox.channel-details.v1")]
public sealed record ChannelDetails(
    [property: Id(0)] ChannelInfo Channel,
    [property: Id(1)] IReadOnlyList<string> CredentialFields,
    [property: Id(2)] DateTimeOffset? CredentialsUpdatedAt,
    [property: Id(3)] IReadOnlyDictionary<string, string>? Settings = null,
    [property: Id(4)] string? WebhookPath = null,
    [property: Id(5)] long DiscardedWhileDisabled = 0);
