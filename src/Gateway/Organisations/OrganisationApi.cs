using Inbox.Contracts.Grains;
using Inbox.Contracts.Organisations;
using Inbox.Contracts.Security;
using Inbox.Gateway.Security;
using Inbox.Gateway.Session;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inbox.Gateway.Organisations;

/// <summary><c>/api/v1/organisation</c>: the signed-in user's organisation; admins change its settings.</summary>
public static class OrganisationApi
{
    /// <summary>The organisation as everyone in it may see it.</summary>
    public sealed record OrganisationView(string OrganisationId, string Name);

    /// <summary>The body of a settings change.</summary>
    public sealed record SettingsRequest(string? Name);

    public static IEndpointRouteBuilder MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var organisation = app.MapGroup("/api/v1/organisation").WithTags("Organisation");
        organisation.MapGet("/", GetAsync).RequirePermission(Permission.UsersRead);
        organisation.MapPatch("/", UpdateAsync).RequirePermission(Permission.SettingsManage);
        return app;
    }

    public static async Task<Ok<OrganisationView>> GetAsync(IGrainFactory grains, HttpContext http)
    {
        var organisation = Of(grains, http);
        var info = await organisation.GetAsync();
        return TypedResults.Ok(new OrganisationView(organisation.GetPrimaryKeyString(), info?.Name ?? organisation.GetPrimaryKeyString()));
    }

    public static async Task<Ok<OrganisationView>> UpdateAsync(SettingsRequest request, IGrainFactory grains, HttpContext http)
    {
        var info = await Of(grains, http).RenameAsync(request.Name ?? "");
        return TypedResults.Ok(new OrganisationView(info.OrganisationId, info.Name));
    }

    /// <summary>The signed-in user's organisation.</summary>
    internal static IOrganisationGrain Of(IGrainFactory grains, HttpContext http) =>
        grains.Get<IOrganisationGrain>(CurrentUser.From(http.User).OrganisationId);
}
