namespace Inbox.Contracts.Contacts;

/// <summary>A customer.</summary>
/// <param name="OrganisationId">The owning organisation.</param>
/// <param name="ContactId">The contact's id within its organisation.</param>
/// <param name="Name">Display name.</param>
/// <param name="Identities">The contact's identities, as <c>{channelId}:{channelUserId}</c>.</param>
/// <param name="CreatedAt">When the contact first wrote.</param>
/// <param name="Language">The customer's language (IETF tag), from the platform or set by an agent.</param>
/// <param name="Attributes">Custom attributes (plan, region, …), which routing rules can match.</param>
[GenerateSerializer, Immutable, Alias("inbox.contact-profile.v1")]
public sealed record ContactProfile(
    [property: Id(0)] string OrganisationId,
    [property: Id(1)] string ContactId,
    [property: Id(2)] string Name,
    [property: Id(3)] IReadOnlyList<string> Identities,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string? Language = null,
    [property: Id(6)] IReadOnlyDictionary<string, string>? Attributes = null);
