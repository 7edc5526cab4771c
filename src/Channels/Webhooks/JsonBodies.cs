using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inbox.Channels.Webhooks;

/// <summary>Reading platform JSON tolerantly: unknown fields ignored, one bad item never spoils its neighbours.</summary>
internal static class JsonBodies
{
    /// <summary>The body as a JSON object; a <see cref="WebhookFormatException"/> saying what it is instead.</summary>
    public static JsonObject Object(ReadOnlyMemory<byte> body, string platform)
    {
        try
        {
            return JsonNode.Parse(body.Span) as JsonObject
                ?? throw new WebhookFormatException($"The body is not a {platform} webhook: not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new WebhookFormatException("The body is not JSON: " + e.Message, e);
        }
    }

    /// <summary>The items of an array member (none when it is missing or not an array).</summary>
    public static IEnumerable<JsonObject> Items(JsonNode? node, string member) =>
        (node?[member] as JsonArray)?.OfType<JsonObject>() ?? [];

    /// <summary>
    /// Maps one item, turning a malformed one (a missing or mistyped field) into <paramref name="fallback"/> rather than
    /// failing the whole body.
    /// </summary>
    public static T Safely<T>(Func<T> map, Func<T> fallback)
    {
        try
        {
            return map();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException or KeyNotFoundException or OverflowException)
        {
            return fallback();
        }
    }
}
