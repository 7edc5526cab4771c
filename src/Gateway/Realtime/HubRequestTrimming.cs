using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;

namespace Inbox.Gateway.Realtime;

/// <summary>
/// A hub's WebSocket request lasts as long as its connection, hours for an agent, and everything it references stays
/// in memory that long. The session cookie is the largest part (about 1 KB, held twice: the header and its parsed
/// value), and by the time the request reaches its hub it has served its purpose: the user is authenticated and
/// authorised, the connection carries that user, and a WebSocket cannot be given a renewed cookie. So hub requests
/// drop it here, after authorisation; every other request keeps its cookies.
/// </summary>
public static class HubRequestTrimming
{
    /// <summary>True when the request is bound for a hub (its negotiation or its connection), once routing has run.</summary>
    public static bool IsHubRequest(this HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<HubMetadata>() is not null;

    public static IApplicationBuilder UseHubRequestTrimming(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.IsHubRequest())
        {
            http.Request.Headers.Cookie = default;
            http.Features.Set<IRequestCookiesFeature>(null);
        }

        return next(http);
    });
}
