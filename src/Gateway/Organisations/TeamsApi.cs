using Inbox.Contracts.Organisations;
using Inbox.Contracts.Security;
using Inbox.Gateway.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inbox.Gateway.Organisations;

/// <summary><c>/api/v1/teams</c>: the organisation's teams; admins create and rename them.</summary>
public static class TeamsApi
{
    /// <summary>A list of teams.</summary>
    public sealed record TeamList(IReadOnlyList<Team> Items);

    /// <summary>The body of creating or renaming a team.</summary>
    public sealed record SaveTeamRequest(string? Name);

    public static IEndpointRouteBuilder MapTeamsApi(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/v1/teams").WithTags("Teams");
        teams.MapGet("/", ListAsync).RequirePermission(Permission.UsersRead);
        teams.MapPut("/{teamId}", SaveAsync).RequirePermission(Permission.UsersManage);
        return app;
    }

    public static async Task<Ok<TeamList>> ListAsync(IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(new TeamList((await OrganisationApi.Of(grains, http).GetAsync())?.Teams ?? []));

    public static async Task<Ok<Team>> SaveAsync(string teamId, SaveTeamRequest request, IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await OrganisationApi.Of(grains, http).SaveTeamAsync(teamId, request.Name ?? ""));
}
