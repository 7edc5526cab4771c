using Inbox.Simulator.Platforms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inbox.Simulator.Control;

/// <summary>
/// The simulator's own API under <c>/simulator</c>: where each platform is, what arrived, and the faults, rate limits and
/// revoked credentials a test sets. Every setting answers 204, or 400 with a problem for a platform it does not know.
/// </summary>
internal static class ControlApi
{
    // The platforms the simulator serves: the same list as the base URLs it hands out.
    private static readonly string[] Platforms = [.. SimulatorApp.BaseUrls(new Uri("http://localhost/")).Keys];

    public static void Map(IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/simulator");
        control.MapGet("/base-urls", (HttpContext http) => SimulatorApp.BaseUrls(new Uri($"{http.Request.Scheme}://{http.Request.Host}/")));
        control.MapGet("/requests", (SimulatorState state, string? platform) =>
            state.Received.Where(r => platform is null || r.Platform == platform));
        control.MapPost("/faults", (SimulatorState state, FaultRequest request) =>
        {
            state.Inject(request.Platform, request.Fault, request.Times);
            return TypedResults.NoContent();
        });
        control.MapPost("/limits", Results<NoContent, ValidationProblem> (SimulatorState state, LimitRequest request) =>
        {
            if (Invalid(request.Platform, request.PerSecond is < 0 ? ("perSecond", "Must be 0 or more; 0 or null removes the limit.") : null) is { } problem)
            {
                return problem;
            }

            state.Limit(request.Platform, request.PerSecond, request.PerAccount);
            return TypedResults.NoContent();
        });
        control.MapPost("/revoke", Results<NoContent, ValidationProblem> (SimulatorState state, RevokeRequest request) =>
        {
            if (Invalid(request.Platform, string.IsNullOrEmpty(request.Token) ? ("token", "The credential to revoke is required.") : null) is { } problem)
            {
                return problem;
            }

            state.Revoke(request.Platform, request.Token);
            return TypedResults.NoContent();
        });
        control.MapDelete("/", (SimulatorState state) =>
        {
            state.Reset();
            return TypedResults.NoContent();
        });
    }

    // A typo in a platform's name would otherwise limit or revoke nothing, and the test would pass for the wrong reason.
    private static ValidationProblem? Invalid(string? platform, (string Field, string Error)? other)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (platform is null || !Platforms.Contains(platform))
        {
            errors["platform"] = [$"One of: {string.Join(", ", Platforms)}."];
        }

        if (other is var (field, error))
        {
            errors[field] = [error];
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }
}
