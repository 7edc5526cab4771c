using Inbox.Contracts.Security;

namespace Inbox.Contracts.Organisations;

/// <summary>An organisation's own record: name, channels, teams. Key: the organisation id.</summary>
[Alias("inbox.IOrganisationGrain")]
public interface IOrganisationGrain : IGrainWithStringKey
{
    /// <summary>Creates the organisation with this name if it does not exist; returns it either way.</summary>
    [Alias("Ensure")]
    Task<OrganisationInfo> EnsureAsync(string name);

    /// <summary>Records that a channel belongs to the organisation.</summary>
    [Alias("AddChannel")]
    Task AddChannelAsync(string channelId);

    /// <summary>Creates a team or renames it. Throws <see cref="ArgumentException"/> for an empty or over-long name.</summary>
    [Alias("SaveTeam"), Requires(Permission.UsersManage)]
    Task<Team> SaveTeamAsync(string teamId, string name);

    /// <summary>Renames the organisation. Throws <see cref="ArgumentException"/> for an empty or over-long name.</summary>
    [Alias("Rename"), Requires(Permission.SettingsManage)]
    Task<OrganisationInfo> RenameAsync(string name);

    /// <summary>The organisation, or null when it does not exist.</summary>
    [Alias("Get"), Requires(Permission.UsersRead, Permission.ChannelsRead)]
    Task<OrganisationInfo?> GetAsync();
}
