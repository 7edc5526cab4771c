using Inbox.Contracts.Channels;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Gateway.Security;
using Microsoft.AspNetCore.Mvc;

namespace Inbox.Gateway.Webhooks;

/// <summary>
/// <c>/webhooks/{platform}/{channelId}</c>: where WhatsApp, Messenger, Instagram, Telegram, LINE and WeChat deliver.
/// The gateway reads the raw bytes (signatures are over them) and hands the whole request to the channel's ingress
/// grain, which checks the signature, stores every message and only then says 200. Nothing here parses or trusts the body.
/// </summary>
public static class WebhooksApi
{
    /// <summary>The largest webhook accepted. Platforms send a few KiB; a WhatsApp batch stays well below this.</summary>
    public const long MaxBodyBytes = 512 * 1024;

    private const int MaxHeaders = 64;

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/webhooks/{platform}/{channelId}", [HttpMethods.Get, HttpMethods.Post], HandleAsync)
            .AllowAnonymous()
            .ExcludeFromDescription()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        return app;
    }

    private static async Task<IResult> HandleAsync(string platform, string channelId, HttpContext http, IGrainFactory grains)
    {
        if (!PlatformNames.TryParse(platform, out var kind) || kind == Platform.WebChat || !GrainKeys.IsValidId(channelId))
        {
            return Results.Text($"No {platform} channel has this webhook URL.", "text/plain", statusCode: StatusCodes.Status404NotFound);
        }

        var delivery = new WebhookDelivery(http.Request.Method, Headers(http.Request), Query(http.Request), await ReadBodyAsync(http));
        GatewayCallers.ActAsService(http.Connection.RemoteIpAddress?.ToString());
        var answer = await grains.Get<IWebhookIngressGrain>(channelId).HandleAsync(kind, delivery);
        return Results.Text(answer.Content, answer.ContentType, statusCode: answer.Status);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext http)
    {
        // Kestrel enforces the endpoint's size limit while this reads, answering 413 past it.
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        return buffer.ToArray();
    }

    private static Dictionary<string, string> Headers(HttpRequest request) => request.Headers
        .Where(h => !h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
        .Take(MaxHeaders)
        .ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);

    private static Dictionary<string, string> Query(HttpRequest request) =>
        request.Query.ToDictionary(q => q.Key, q => q.Value.FirstOrDefault() ?? "", StringComparer.Ordinal);
}
