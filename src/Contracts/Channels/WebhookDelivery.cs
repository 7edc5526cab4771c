namespace Inbox.Contracts.Channels;

/// <summary>A platform's webhook request as the gateway received it, handed whole to the cluster, which checks and reads it.</summary>
/// <param name="Method">The HTTP method (GET for verification handshakes, POST for events).</param>
/// <param name="Headers">The request's headers, names lower case (one value each; repeated headers joined by ',').</param>
/// <param name="Query">The query string's parameters (first value of each).</param>
/// <param name="Body">The raw body bytes, exactly as received: signatures are computed over them.</param>
[GenerateSerializer, Immutable, Alias("inbox.webhook-delivery.v1")]
public sealed record WebhookDelivery(
    [property: Id(0)] string Method,
    [property: Id(1)] IReadOnlyDictionary<string, string> Headers,
    [property: Id(2)] IReadOnlyDictionary<string, string> Query,
    [property: Id(3)] byte[] Body);

/// <summary>What the gateway answers the platform.</summary>
/// <param name="Status">The HTTP status: 200 once everything is stored, 401 for a bad signature, 400 for a body that is not the platform's format, 404 for an unknown channel.</param>
/// <param name="Content">The body (a handshake's challenge, WeChat's <c>success</c>, or a reason for a refusal).</param>
/// <param name="ContentType">The body's media type.</param>
[GenerateSerializer, Immutable, Alias("inbox.webhook-answer.v1")]
public sealed record WebhookAnswer(
    [property: Id(0)] int Status,
    [property: Id(1)] string Content,
    [property: Id(2)] string ContentType = "text/plain");
