using Inbox.Contracts.Security;
using Inbox.Gateway.Session;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Inbox.Gateway.Security;

/// <summary>
/// One authorization policy per <see cref="Permission"/>, named after it (so hub methods can say
/// <c>[Authorize(Policy = nameof(Permission.UsersManage))]</c>): a signed-in user whose role grants it.
/// </summary>
public static class PermissionPolicies
{
    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            authorization.AddPolicy(permission.ToString(), policy => policy
                .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context =>
                    context.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme
                    && RolePermissions.For(CurrentUser.From(context.User).Role).Contains(permission)));
        }

        return authorization;
    }

    /// <summary>Lets only signed-in users with <paramref name="permission"/> reach the endpoint(s).</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(permission.ToString());
}
