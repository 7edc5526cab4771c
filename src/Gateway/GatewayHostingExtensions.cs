using Inbox.Contracts.Serialization;
using Inbox.Gateway.Audit;
using Inbox.Gateway.Channels;
using Inbox.Gateway.Contacts;
using Inbox.Gateway.Conversations;
using Inbox.Gateway.Infrastructure;
using Inbox.Gateway.Orleans;
using Inbox.Gateway.Organisations;
using Inbox.Gateway.Realtime;
using Inbox.Gateway.Routing;
using Inbox.Gateway.Security;
using Inbox.Gateway.Session;
using Inbox.Gateway.Users;
using Inbox.Gateway.Webhooks;
using Inbox.Hosting;
using Inbox.Hosting.DataProtection;
using Inbox.Hosting.Media;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Inbox.Gateway;

/// <summary>Everything a gateway process consists of: REST, hubs, the event relay, the static front end.</summary>
public static class GatewayHostingExtensions
{
    /// <summary>The largest SignalR message a client may send: a 4,096-character text plus framing.</summary>
    private const long MaxHubMessageBytes = 32 * 1024;

    public static WebApplicationBuilder AddInboxGateway(this WebApplicationBuilder builder)
    {
        builder.AddInboxClusterClient();
        var services = builder.Services;
        services.AddInboxDataProtection(builder.Configuration);
        services.AddInboxMediaStore(builder.Configuration);
        var session = InboxConfiguration.Read<SignInSessionOptions>(builder.Configuration, SignInSessionOptions.SectionName);
        services.AddOptions<SignInSessionOptions>().BindConfiguration(SignInSessionOptions.SectionName);

        builder.WebHost.ConfigureKestrel(k =>
        {
            // Anything not given its own limit (message posts have 64 KiB) is refused above 1 MiB.
            k.Limits.MaxRequestBodySize = 1024 * 1024;

            // By default an idle kept-alive connection holds its last request's header strings (the session cookie
            // among them) in case the next request repeats them; every hub client keeps its negotiate connection
            // open beside the WebSocket, so that was one more copy of the cookie per agent connection.
            k.DisableStringReuse = true;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Explain);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<JsonOptions>(o => InboxJson.Apply(o.SerializerOptions));
        services.AddOpenApi();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "inbox.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = session.IdleTimeout;
            o.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;

            // An API answers 401/403, it does not redirect to a login page.
            o.Events.OnRedirectToLogin = c => WriteStatus(c.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => WriteStatus(c.Response, StatusCodes.Status403Forbidden);
        }).AddScheme<AuthenticationSchemeOptions, WidgetAuthenticationHandler>(WidgetAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPermissionPolicies();
        services.AddInboxRateLimits();
        services.AddSingleton<ICredentialChecker, UserCredentialChecker>();

        services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = MaxHubMessageBytes;
                o.AddFilter(new CallerHubFilter());
            })
            .AddJsonProtocol(o => InboxJson.Apply(o.PayloadSerializerOptions));
        services.AddSingleton<ClusterConnectionSignal>();
        services.AddSingleton<IClusterConnectionStatusObserver>(sp => sp.GetRequiredService<ClusterConnectionSignal>());
        services.AddSingleton<ConnectedAgents>();
        services.AddSingleton<EventRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<EventRelay>());
        services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>();
        services.AddSingleton<PresenceReporter>();
        services.AddHostedService(sp => sp.GetRequiredService<PresenceReporter>());

        services.AddHealthChecks().AddCheck<ClusterConnectedCheck>("cluster", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    public static WebApplication UseInboxGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseInboxCaller();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseHubRequestTrimming();

        app.MapOpenApi();
        app.MapInboxHealth();
        app.MapSessionApi();
        app.MapConversationsApi();
        app.MapAttachmentsApi();
        app.MapUsersApi();
        app.MapTeamsApi();
        app.MapOrganisationApi();
        app.MapAuditApi();
        app.MapChannelsApi();
        app.MapAgentsApi();
        app.MapRoutingApi();
        app.MapContactsApi();
        app.MapWebhooks();
        app.MapHub<InboxHub>("/hubs/inbox");
        app.MapHub<WidgetHub>("/hubs/widget").RequireRateLimiting(RateLimits.Widget);
        return app;
    }

    private static Task WriteStatus(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
