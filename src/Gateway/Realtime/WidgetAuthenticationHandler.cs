using Inbox.Contracts.Grains;
using System.Text.Encodings.Web;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Keys;
using Inbox.Gateway.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Inbox.Gateway.Realtime;

/// <summary>
/// Signs a web-chat visitor in from the widget hub's query string: the website token must name a web-chat channel,
/// the visitor token must have the right shape. Failing either refuses the connection up front (401 with the reason)
/// rather than letting it open and then closing it.
/// </summary>
internal sealed class WidgetAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IGrainFactory grains,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Widget";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var websiteToken = Request.Query[ChannelHandles.WebsiteTokenField].ToString();
        var visitorToken = Request.Query["visitorToken"].ToString();
        if (!GrainKeys.IsValidId(websiteToken))
        {
            return AuthenticateResult.Fail("The websiteToken query parameter is missing or malformed.");
        }

        if (!WidgetVisitor.IsValidToken(visitorToken))
        {
            return AuthenticateResult.Fail("The visitorToken query parameter must be 16-128 letters, digits, '-' or '_'.");
        }

        GatewayCallers.ActAsService();
        if (await grains.Get<IChannelHandleGrain>(ChannelHandles.Website(websiteToken)).GetChannelAsync() is not { } channel)
        {
            return AuthenticateResult.Fail("No web-chat channel has this website token.");
        }

        var visitor = new WidgetVisitor(channel, WidgetVisitor.IdFor(visitorToken));
        return AuthenticateResult.Success(new AuthenticationTicket(visitor.ToPrincipal(SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "The widget could not connect.",
                Detail = result.Failure?.Message,
            },
        });
    }
}
