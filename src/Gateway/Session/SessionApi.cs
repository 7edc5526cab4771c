using Inbox.Contracts.Grains;
using System.Globalization;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Users;
using Inbox.Gateway.Infrastructure;
using Inbox.Gateway.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Inbox.Gateway.Session;

/// <summary><c>/api/v1/session</c>: sign in (sets an HttpOnly cookie), who am I, sign out (here or everywhere).</summary>
public static class SessionApi
{
    /// <summary>The body of a sign-in request.</summary>
    public sealed record SignInRequest(string? Email, string? Password);

    /// <summary>The body of a password change.</summary>
    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/session").WithTags("Session");
        api.MapPost("/", SignInAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        api.MapGet("/", GetCurrent).RequireAuthorization();
        api.MapDelete("/", SignOutAsync).AllowAnonymous();
        api.MapPut("/password", ChangePasswordAsync).RequireAuthorization().RequireRateLimiting(RateLimits.SignIn);
        return app;
    }

    public static async Task<Results<Ok<CurrentUser>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, ICredentialChecker credentials, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Problems.BadRequest("Email and password are both required.");
        }

        var answer = await credentials.CheckAsync(request.Email.Trim(), request.Password, http.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        switch (answer.Outcome)
        {
            case SignInOutcome.LockedOut:
                var wait = answer.LockedUntil!.Value - DateTimeOffset.UtcNow;
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    $"Too many wrong passwords: sign-in is locked for {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} more minute(s).",
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Sign-in failed.");
            case SignInOutcome.Deactivated:
                return TypedResults.Problem("This account has been deactivated: ask an admin of your organisation.", statusCode: StatusCodes.Status403Forbidden, title: "Sign-in failed.");
            case SignInOutcome.SignedIn when answer.User is { } profile:
                return TypedResults.Ok(await StartSessionAsync(http, profile));
            default:
                return TypedResults.Problem("The email or password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.");
        }
    }

    /// <summary>
    /// Changes the signed-in user's password: every other session ends and this one continues under a new session.
    /// </summary>
    public static async Task<Results<Ok<CurrentUser>, ProblemHttpResult>> ChangePasswordAsync(ChangePasswordRequest request, IGrainFactory grains, HttpContext http)
    {
        if (string.IsNullOrEmpty(request.CurrentPassword) || string.IsNullOrEmpty(request.NewPassword))
        {
            return Problems.BadRequest("currentPassword and newPassword are both required.");
        }

        var session = CurrentUser.From(http.User);
        GatewayCallers.ActAsService(http.Connection.RemoteIpAddress?.ToString());
        var profile = await grains.Get<IUserGrain>(GrainKeys.Compose(session.OrganisationId, session.UserId))
            .ChangePasswordAsync(request.CurrentPassword, request.NewPassword);
        return TypedResults.Ok(await StartSessionAsync(http, profile));
    }

    public static Ok<CurrentUser> GetCurrent(HttpContext http) => TypedResults.Ok(CurrentUser.From(http.User));

    /// <summary>Issues the session cookie of a new session of <paramref name="profile"/>.</summary>
    private static async Task<CurrentUser> StartSessionAsync(HttpContext http, UserProfile profile)
    {
        var user = CurrentUser.From(profile, CurrentUser.NewSessionId());
        await http.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            user.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = true });
        return user;
    }

    /// <summary>
    /// Signs this session out, so its cookie stops working even where a copy survives; with <c>everywhere=true</c>,
    /// every session of the user ends and their live connections are cut.
    /// </summary>
    public static async Task<NoContent> SignOutAsync(HttpContext http, IGrainFactory grains, IOptions<SignInSessionOptions> sessions, bool everywhere = false)
    {
        if (http.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme })
        {
            var session = CurrentUser.From(http.User);
            var user = grains.Get<IUserGrain>(GrainKeys.Compose(session.OrganisationId, session.UserId));
            GatewayCallers.ActAsService(http.Connection.RemoteIpAddress?.ToString());
            await (everywhere
                ? user.EndAllSessionsAsync()
                : user.EndSessionAsync(session.SessionId, DateTimeOffset.UtcNow + sessions.Value.IdleTimeout));
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }
}
