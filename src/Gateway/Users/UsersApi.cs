using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Security;
using Inbox.Contracts.Users;
using Inbox.Gateway.Infrastructure;
using Inbox.Gateway.Security;
using Inbox.Gateway.Session;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inbox.Gateway.Users;

/// <summary>
/// <c>/api/v1/users</c>: the organisation's users; admins invite them, set their role, teams and channels, deactivate
/// and reactivate them, and issue invitation or password-reset links. <c>/api/v1/invitations/accept</c>: whoever has a
/// link chooses their password.
/// </summary>
public static class UsersApi
{
    /// <summary>A list of users.</summary>
    public sealed record UserList(IReadOnlyList<UserProfile> Items);

    /// <summary>The body of an invitation.</summary>
    public sealed record InviteRequest(string? Name, string? Email, UserRole? Role, IReadOnlyList<string>? Teams, IReadOnlyList<string>? Channels);

    /// <summary>A new invitation: the token is shown this once; hand it (or a link with it) to the invitee.</summary>
    public sealed record InvitationView(UserProfile User, string InvitationToken, DateTimeOffset ExpiresAt)
    {
        public static InvitationView From(Invitation invitation) => new(invitation.User, invitation.Token, invitation.ExpiresAt);
    }

    /// <summary>The body of a change; members left out stay as they are.</summary>
    public sealed record ChangeRequest(string? Name, UserRole? Role, IReadOnlyList<string>? Teams, IReadOnlyList<string>? Channels);

    /// <summary>The body of accepting an invitation.</summary>
    public sealed record AcceptRequest(string? Token, string? Password);

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Users");
        users.MapGet("/", ListAsync).RequirePermission(Permission.UsersRead);
        users.MapGet("/{userId}", GetAsync).RequirePermission(Permission.UsersRead);
        users.MapPost("/", InviteAsync).RequirePermission(Permission.UsersManage);
        users.MapPatch("/{userId}", UpdateAsync).RequirePermission(Permission.UsersManage);
        users.MapPost("/{userId}/deactivate", DeactivateAsync).RequirePermission(Permission.UsersManage);
        users.MapPost("/{userId}/reactivate", ReactivateAsync).RequirePermission(Permission.UsersManage);
        users.MapPost("/{userId}/invitation", ReinviteAsync).RequirePermission(Permission.UsersManage);
        users.MapPost("/{userId}/password-reset", ReinviteAsync).RequirePermission(Permission.UsersManage);

        app.MapPost("/api/v1/invitations/accept", AcceptAsync).WithTags("Users").AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        return app;
    }

    public static async Task<Ok<UserList>> ListAsync(IGrainFactory grains, HttpContext http) =>
        TypedResults.Ok(new UserList(await grains.Get<IUserDirectoryGrain>(CurrentUser.From(http.User).OrganisationId).ListAsync()));

    public static async Task<Results<Ok<UserProfile>, ProblemHttpResult>> GetAsync(string userId, IGrainFactory grains, HttpContext http) =>
        User(grains, http, userId) is { } user && await user.GetAsync() is { } profile ? TypedResults.Ok(profile) : NotFound(userId);

    public static async Task<Results<Created<InvitationView>, ProblemHttpResult>> InviteAsync(InviteRequest request, IGrainFactory grains, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || string.IsNullOrWhiteSpace(request.Email) || request.Role is null)
        {
            return Problems.BadRequest("name, email and role are required.");
        }

        var userId = GrainKeys.NewId("u");
        var invitation = await User(grains, http, userId)!.InviteAsync(
            new UserInvite(request.Name, request.Email, request.Role.Value, request.Teams ?? [], request.Channels ?? []));
        return TypedResults.Created($"/api/v1/users/{userId}", InvitationView.From(invitation));
    }

    public static async Task<Results<Ok<UserProfile>, ProblemHttpResult>> UpdateAsync(string userId, ChangeRequest request, IGrainFactory grains, HttpContext http) =>
        User(grains, http, userId) is { } user
            ? TypedResults.Ok(await user.UpdateAsync(new UserChange(request.Name, request.Role, request.Teams, request.Channels)))
            : NotFound(userId);

    public static async Task<Results<Ok<UserProfile>, ProblemHttpResult>> DeactivateAsync(string userId, IGrainFactory grains, HttpContext http) =>
        User(grains, http, userId) is { } user ? TypedResults.Ok(await user.DeactivateAsync()) : NotFound(userId);

    public static async Task<Results<Ok<UserProfile>, ProblemHttpResult>> ReactivateAsync(string userId, IGrainFactory grains, HttpContext http) =>
        User(grains, http, userId) is { } user ? TypedResults.Ok(await user.ReactivateAsync()) : NotFound(userId);

    public static async Task<Results<Ok<InvitationView>, ProblemHttpResult>> ReinviteAsync(string userId, IGrainFactory grains, HttpContext http) =>
        User(grains, http, userId) is { } user ? TypedResults.Ok(InvitationView.From(await user.ReinviteAsync())) : NotFound(userId);

    public static async Task<Results<Ok<UserProfile>, ProblemHttpResult>> AcceptAsync(AcceptRequest request, IGrainFactory grains, HttpContext http)
    {
        if (string.IsNullOrEmpty(request.Token) || request.Token.Length > 128 || string.IsNullOrEmpty(request.Password))
        {
            return Problems.BadRequest("token and password are both required.");
        }

        GatewayCallers.ActAsService(http.Connection.RemoteIpAddress?.ToString());
        var userKey = await grains.Get<IUserHandleGrain>(UserHandles.Invitation(request.Token)).GetUserKeyAsync();
        return userKey is null
            ? throw new InvitationNotFoundException()
            : TypedResults.Ok(await grains.Get<IUserGrain>(userKey).AcceptInvitationAsync(request.Token, request.Password));
    }

    // Ids that cannot be a key name no user; the organisation comes from the signed-in admin, so another
    // organisation's user is not found either.
    private static IUserGrain? User(IGrainFactory grains, HttpContext http, string userId) =>
        GrainKeys.IsValidId(userId) ? grains.Get<IUserGrain>(GrainKeys.Compose(CurrentUser.From(http.User).OrganisationId, userId)) : null;

    private static ProblemHttpResult NotFound(string userId) => Problems.NotFound("user", userId);
}
