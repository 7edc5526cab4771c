using Inbox.Contracts.Agents;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Security;
using Inbox.Gateway.Infrastructure;
using Inbox.Gateway.Security;
using Inbox.Gateway.Session;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inbox.Gateway.Routing;

/// <summary>
/// <c>/api/v1/agents</c>: agents at work. Anyone sees an agent's presence and capacity and sets their own presence
/// (<c>me</c> stands for the signed-in user); admins set capacities and anyone's presence.
/// </summary>
public static class AgentsApi
{
    /// <summary>The body of a presence change.</summary>
    /// <param name="Presence">online, away or offline.</param>
    public sealed record PresenceRequest(AgentPresence? Presence);

    /// <summary>The body of a capacity change.</summary>
    /// <param name="Capacity">1–1,000 open conversations at most; null for the organisation's default.</param>
    public sealed record CapacityRequest(int? Capacity);

    public static IEndpointRouteBuilder MapAgentsApi(this IEndpointRouteBuilder app)
    {
        var agents = app.MapGroup("/api/v1/agents").WithTags("Agents");
        agents.MapGet("/{userId}", GetAsync).RequirePermission(Permission.UsersRead);
        agents.MapPut("/{userId}/presence", SetPresenceAsync).RequirePermission(Permission.ConversationsRead);
        agents.MapPut("/{userId}/capacity", SetCapacityAsync).RequirePermission(Permission.UsersManage);
        return app;
    }

    public static async Task<Results<Ok<AgentStatus>, ProblemHttpResult>> GetAsync(string userId, IGrainFactory grains, HttpContext http) =>
        Agent(grains, http, userId) is { } agent ? TypedResults.Ok(await agent.GetAsync()) : NotFound(userId);

    public static async Task<Results<Ok<AgentStatus>, ProblemHttpResult>> SetPresenceAsync(
        string userId, PresenceRequest request, IGrainFactory grains, HttpContext http)
    {
        if (request.Presence is not { } presence)
        {
            return Problems.BadRequest("presence is required: online, away or offline.");
        }

        return Agent(grains, http, userId) is { } agent ? TypedResults.Ok(await agent.SetPresenceAsync(presence)) : NotFound(userId);
    }

    public static async Task<Results<Ok<AgentStatus>, ProblemHttpResult>> SetCapacityAsync(
        string userId, CapacityRequest request, IGrainFactory grains, HttpContext http) =>
        Agent(grains, http, userId) is { } agent ? TypedResults.Ok(await agent.SetCapacityAsync(request.Capacity)) : NotFound(userId);

    private static IAgentGrain? Agent(IGrainFactory grains, HttpContext http, string userId)
    {
        var user = CurrentUser.From(http.User);
        var id = userId == "me" ? user.UserId : userId;
        return GrainKeys.IsValidId(id) ? grains.Get<IAgentGrain>(GrainKeys.Compose(user.OrganisationId, id)) : null;
    }

    private static ProblemHttpResult NotFound(string userId) => Problems.NotFound("user", userId);
}
