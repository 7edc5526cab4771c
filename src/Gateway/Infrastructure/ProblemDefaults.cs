using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Inbox.Gateway.Infrastructure;

/// <summary>
/// Fills in the detail of problems that the framework answers without one (status-code pages, body limits), so every
/// error tells the caller what to do differently.
/// </summary>
internal static class ProblemDefaults
{
    public static void Explain(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status401Unauthorized => "Sign in first: POST /api/v1/session.",
            StatusCodes.Status403Forbidden => "Your role may not do this.",
            StatusCodes.Status404NotFound => $"Nothing is at {context.HttpContext.Request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{context.HttpContext.Request.Method} is not allowed on {context.HttpContext.Request.Path}.",
            StatusCodes.Status413PayloadTooLarge => $"The request body is over the limit of {BodyLimit(context.HttpContext)} bytes.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with Content-Type: application/json.",
            _ => null,
        };
    }

    private static long? BodyLimit(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
        ?? http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
        ?? http.RequestServices.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize;
}
