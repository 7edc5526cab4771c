using System.Collections.Frozen;
using Inbox.Contracts.Users;

namespace Inbox.Contracts.Security;

/// <summary>
/// Who a grain call is made for. The gateway authenticates the user or visitor and puts this in the Orleans request
/// context (<see cref="CallerContext"/>); the silo checks it again on every call that enters the cluster, so a missing
/// check in one layer is not a breach.
/// </summary>
/// <param name="Kind">User, visitor or service.</param>
/// <param name="OrganisationId">The caller's organisation; null for a service.</param>
/// <param name="Id">The user id, visitor id or service name.</param>
/// <param name="Name">The display name audit entries and messages show.</param>
/// <param name="Role">A user's role (ignored for others).</param>
/// <param name="Channels">The channels a user may work, or the one channel a visitor writes on.</param>
/// <param name="Teams">The teams a user belongs to.</param>
/// <param name="From">Where the call came from (the client's IP address), for the audit log.</param>
[GenerateSerializer, Immutable, Alias("inbox.caller.v1")]
public sealed record Caller(
    [property: Id(0)] CallerKind Kind,
    [property: Id(1)] string? OrganisationId,
    [property: Id(2)] string Id,
    [property: Id(3)] string Name,
    [property: Id(4)] UserRole Role,
    [property: Id(5)] IReadOnlyList<string> Channels,
    [property: Id(6)] IReadOnlyList<string> Teams,
    [property: Id(7)] string? From)
{
    private static readonly FrozenSet<Permission> VisitorPermissions = FrozenSet.Create(Permission.WidgetChat);
    private static readonly FrozenSet<Permission> ServicePermissions = FrozenSet.Create(Permission.ServiceSignIn, Permission.ServiceSessions, Permission.ServiceWebhooks);

    /// <summary>What this caller may do.</summary>
    public IReadOnlySet<Permission> Permissions => Kind switch
    {
        CallerKind.User => RolePermissions.For(Role),
        CallerKind.Visitor => VisitorPermissions,
        CallerKind.Service => ServicePermissions,
        _ => FrozenSet<Permission>.Empty,
    };

    /// <summary>True when the caller has <paramref name="permission"/>.</summary>
    public bool Has(Permission permission) => Permissions.Contains(permission);

    /// <summary>A signed-in user.</summary>
    public static Caller User(string organisationId, string userId, string name, UserRole role, IReadOnlyList<string> channels, IReadOnlyList<string> teams, string? from) =>
        new(CallerKind.User, organisationId, userId, name, role, channels, teams, from);

    /// <summary>A web-chat visitor on one channel.</summary>
    public static Caller Visitor(string organisationId, string channelId, string visitorId, string name, string? from) =>
        new(CallerKind.Visitor, organisationId, visitorId, name, UserRole.Agent, [channelId], [], from);

    /// <summary>A gateway acting for itself.</summary>
    public static Caller Service(string name) => new(CallerKind.Service, null, name, name, UserRole.Agent, [], [], null);
}
