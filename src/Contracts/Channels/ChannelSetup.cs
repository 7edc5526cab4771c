namespace Inbox.Contracts.Channels;

/// <summary>What an admin gives to connect a platform channel.</summary>
/// <param name="Platform">The platform (not web chat, which connects with a website token).</param>
/// <param name="Name">The name agents see on its conversations.</param>
/// <param name="Fields">
/// The platform's fields by name (ids, tokens, secrets; see <c>GET /api/v1/channels/platforms</c>). Fields the
/// inbox generates (verify tokens) may be left out and are then made up.
/// </param>
[GenerateSerializer, Immutable, Alias("inbox.channel-setup.v1")]
public sealed record ChannelSetup(
    [property: Id(0)] Platform Platform,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyDictionary<string, string> Fields);
