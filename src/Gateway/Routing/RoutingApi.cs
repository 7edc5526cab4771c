using Inbox.Contracts.Grains;
using Inbox.Contracts.Routing;
using Inbox.Contracts.Security;
using Inbox.Contracts.Wallboard;
using Inbox.Gateway.Infrastructure;
using Inbox.Gateway.Security;
using Inbox.Gateway.Session;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inbox.Gateway.Routing;

/// <summary>
/// <c>/api/v1/routing</c> and <c>/api/v1/wallboard</c>: how conversations are assigned (settings and rules, which
/// admins change), the waiting queue, and the supervisors' live figures.
/// </summary>
public static class RoutingApi
{
    /// <summary>The waiting queue, in the order it is served.</summary>
    public sealed record QueueList(IReadOnlyList<RoutingTicket> Items);

    public static IEndpointRouteBuilder MapRoutingApi(this IEndpointRouteBuilder app)
    {
        var routing = app.MapGroup("/api/v1/routing").WithTags("Routing");
        routing.MapGet("/settings", GetSettingsAsync).RequirePermission(Permission.ConversationsRead);
        routing.MapPut("/settings", SaveSettingsAsync).RequirePermission(Permission.SettingsManage);
        routing.MapGet("/queue", GetQueueAsync).RequirePermission(Permission.ConversationsReadAll);
        app.MapGet("/api/v1/wallboard", GetWallboardAsync).WithTags("Routing").RequirePermission(Permission.WallboardRead);
        return app;
    }

    public static async Task<Ok<RoutingSettings>> GetSettingsAsync(IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await Router(grains, http).GetSettingsAsync());

    public static async Task<Results<Ok<RoutingSettings>, ProblemHttpResult>> SaveSettingsAsync(RoutingSettings? settings, IGrainFactory grains, HttpContext http) =>
        settings is null
            ? Problems.BadRequest("Send the settings: autoAssign, defaultCapacity, returnToQueueWhenOffline, waitAlertSeconds, reopenWindowHours and rules.")
            : TypedResults.Ok(await Router(grains, http).SaveSettingsAsync(settings with { Rules = settings.Rules ?? [] }));

    public static async Task<Ok<QueueList>> GetQueueAsync(IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(new QueueList(await Router(grains, http).GetQueueAsync()));

    public static async Task<Ok<WallboardSnapshot>> GetWallboardAsync(IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(await grains.Get<IWallboardGrain>(CurrentUser.From(http.User).OrganisationId).GetAsync());

    private static IRoutingGrain Router(IGrainFactory grains, HttpContext http) =>
        grains.Get<IRoutingGrain>(CurrentUser.From(http.User).OrganisationId);
}
