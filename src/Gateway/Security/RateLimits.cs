using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Inbox.Gateway.Security;

/// <summary>
/// Abuse limits on what anyone can reach without an account: sign-in and accepting invitations (password guessing
/// beyond the per-user lockout, across many emails) and the public widget hub. Per client IP address, a token bucket
/// each; rejected requests get 429 with Retry-After. Widget messages are limited per visitor by <see cref="VisitorMessageLimiter"/>.
/// </summary>
public static class RateLimits
{
    /// <summary>The policy on sign-in and invitation acceptance.</summary>
    public const string SignIn = "sign-in";

    /// <summary>The policy on widget connections.</summary>
    public const string Widget = "widget";

    public static IServiceCollection AddInboxRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<VisitorMessageLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = "Too many requests from your address: wait a moment and try again." },
                });
            };
            limiter.AddPolicy(SignIn, http => PerAddress(http, o => o.SignInPerMinute));
            limiter.AddPolicy(Widget, http => PerAddress(http, o => o.WidgetConnectionsPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, Func<RateLimitOptions, int> perMinute)
    {
        var limit = perMinute(http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        return RateLimitPartition.GetTokenBucketLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit,
            TokensPerPeriod = limit,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
