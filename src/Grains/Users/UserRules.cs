using Inbox.Contracts.Organisations;
using Inbox.Contracts.Users;

namespace Inbox.Grains.Users;

/// <summary>What a user's name, role, password, teams and channels must be; each check throws <see cref="ArgumentException"/> saying what is wrong.</summary>
internal static class UserRules
{
    internal const int MinPasswordLength = 8;
    internal const int MaxPasswordLength = 256;
    internal const int MaxNameLength = 100;

    public static string ValidName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength
            ? throw new ArgumentException($"A user needs a name of 1-{MaxNameLength} characters.", nameof(name))
            : name.Trim();

    public static UserRole ValidRole(UserRole role) =>
        Enum.IsDefined(role) ? role : throw new ArgumentException($"'{role}' is not a role.", nameof(role));

    public static void ValidatePassword(string? password)
    {
        if (password is not { Length: >= MinPasswordLength and <= MaxPasswordLength })
        {
            throw new ArgumentException($"A password needs {MinPasswordLength}-{MaxPasswordLength} characters.", nameof(password));
        }
    }

    public static List<string> ValidTeams(OrganisationInfo organisation, IReadOnlyList<string> teams) =>
        ValidIds(teams, organisation.Teams.Select(t => t.TeamId), "team");

    public static List<string> ValidChannels(OrganisationInfo organisation, IReadOnlyList<string> channels) =>
        ValidIds(channels, organisation.ChannelIds, "channel");

    private static List<string> ValidIds(IReadOnlyList<string> ids, IEnumerable<string> existing, string what)
    {
        var known = existing.ToHashSet(StringComparer.Ordinal);
        var unknown = ids.Where(id => !known.Contains(id)).ToList();
        return unknown.Count > 0
            ? throw new ArgumentException($"No such {what}: {string.Join(", ", unknown)}.", nameof(ids))
            : ids.Distinct(StringComparer.Ordinal).ToList();
    }
}
