using Inbox.Contracts.Audit;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Organisations;
using Inbox.Grains.Audit;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Organisations;

/// <summary>An organisation: its name, channels and teams.</summary>
public sealed class OrganisationGrain(
    [PersistentState(stateName: "organisation", storageName: GrainStorage.Name)] IPersistentState<OrganisationState> state,
    AuditTrail audit)
    : Grain, IOrganisationGrain
{
    internal const int MaxNameLength = 100;

    public async Task<OrganisationInfo> EnsureAsync(string name)
    {
        if (!state.RecordExists)
        {
            state.State.Name = name;
            await state.WriteStateAsync();
        }

        return Info();
    }

    public async Task AddChannelAsync(string channelId)
    {
        if (!state.State.ChannelIds.Contains(channelId))
        {
            state.State.ChannelIds.Add(channelId);
            await state.WriteStateAsync();
        }
    }

    public async Task<Team> SaveTeamAsync(string teamId, string name)
    {
        if (!GrainKeys.IsValidId(teamId))
        {
            throw new ArgumentException($"'{teamId}' is not a valid team id (1-64 letters, digits, '-' or '_').", nameof(teamId));
        }

        var team = new Team(teamId, ValidName(name, "A team"));
        var teams = state.State.Teams;
        var index = teams.FindIndex(t => t.TeamId == teamId);
        if (index >= 0 && teams[index] == team)
        {
            return team;
        }

        var before = index >= 0 ? teams[index] : null;
        if (index >= 0)
        {
            teams[index] = team;
        }
        else
        {
            teams.Add(team);
        }

        await state.WriteStateAsync();
        await audit.RecordAsync(this.GetPrimaryKeyString(), AuditActions.TeamSaved, AuditSubjects.Team, teamId, before, team);
        return team;
    }

    public async Task<OrganisationInfo> RenameAsync(string name)
    {
        var before = Info();
        state.State.Name = ValidName(name, "An organisation");
        await state.WriteStateAsync();
        var after = Info();
        await audit.RecordAsync(this.GetPrimaryKeyString(), AuditActions.OrganisationRenamed, AuditSubjects.Organisation, this.GetPrimaryKeyString(), new { before.Name }, new { after.Name });
        return after;
    }

    public Task<OrganisationInfo?> GetAsync() => Task.FromResult(state.RecordExists ? Info() : null);

    private static string ValidName(string? name, string what) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength
            ? throw new ArgumentException($"{what} needs a name of 1-{MaxNameLength} characters.", nameof(name))
            : name.Trim();

    private OrganisationInfo Info() =>
        new(this.GetPrimaryKeyString(), state.State.Name, [.. state.State.ChannelIds], [.. state.State.Teams.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)]);
}
