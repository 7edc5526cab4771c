namespace Inbox.Channels.Webhooks;

/// <summary>A platform's webhook request as it arrived: the raw body bytes (signatures are over these), headers and query.</summary>
/// <param name="Method">GET for verification handshakes, POST for events.</param>
/// <param name="Header">A header's value by name (case-insensitive), or null.</param>
/// <param name="Query">A query parameter's value by name, or null.</param>
/// <param name="Body">The body exactly as received.</param>
public sealed record WebhookRequest(string Method, Func<string, string?> Header, Func<string, string?> Query, ReadOnlyMemory<byte> Body);
