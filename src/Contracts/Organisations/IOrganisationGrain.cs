namespace Inbox.Contracts.Organisations;

/// <summary>An organisation's own record. Key: the organisation id.</summary>
[Alias("inbox.IOrganisationGrain")]
public interface IOrganisationGrain : IGrainWithStringKey
{
    /// <summary>Creates the organisation with this name if it does not exist; returns it either way.</summary>
    [Alias("Ensure")]
    Task<OrganisationInfo> EnsureAsync(string name);

    /// <summary>Records that a channel belongs to the organisation.</summary>
    [Alias("AddChannel")]
    Task AddChannelAsync(string channelId);

    /// <summary>The organisation, or null when it does not exist.</summary>
    [Alias("Get")]
    Task<OrganisationInfo?> GetAsync();
}
