namespace Inbox.Contracts.Keys;

/// <summary>
/// Reads the organisation and the local id back out of the key of a grain whose key is
/// <c>{organisationId}:{localId}</c> (conversations, contacts, channels).
/// </summary>
public readonly record struct OrganisationScoped(string OrganisationId, string Id)
{
    /// <summary>The grain key: <c>{organisationId}:{id}</c>.</summary>
    public string Key => GrainKeys.Compose(OrganisationId, Id);

    /// <summary>Parses a two-part key.</summary>
    public static OrganisationScoped Parse(string key)
    {
        var parts = GrainKeys.Split(key, 2);
        return new OrganisationScoped(parts[0], parts[1]);
    }
}
