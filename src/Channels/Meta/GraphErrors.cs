using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inbox.Channels.Inbound;

namespace Inbox.Channels.Meta;

/// <summary>
/// Meta's Graph error envelope, shared by WhatsApp, Messenger and Instagram:
/// <c>{"error":{"message","type","code","error_subcode","error_data":{"details"},"fbtrace_id"}}</c>. Meta says to branch
/// on the code (and subcode), never on the HTTP status or the wording.
/// </summary>
internal static class GraphErrors
{
    /// <summary>The error a Graph response carries, with its subcode in the code as <c>code/subcode</c> when present.</summary>
    public static PlatformError Read(int httpStatus, ReadOnlySpan<byte> body)
    {
        try
        {
            if (JsonNode.Parse(body)?["error"] is JsonObject error)
            {
                var code = error["code"]?.ToString() ?? "unknown";
                var subcode = error["error_subcode"]?.ToString();
                return new PlatformError(
                    subcode is null ? code : $"{code}/{subcode}",
                    (string?)error["message"] ?? "Unknown error",
                    (string?)error["error_data"]?["details"]);
            }
        }
        catch (JsonException)
        {
            // Not Graph JSON (a proxy's error page): fall through to the HTTP status.
        }

        return new PlatformError("http-" + httpStatus.ToString(CultureInfo.InvariantCulture), $"HTTP {httpStatus}", null);
    }

    /// <summary>The main code of <c>code</c> or <c>code/subcode</c>, and the subcode if any.</summary>
    public static (string Code, string? Subcode) Split(string code) =>
        code.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? (code[..slash], code[(slash + 1)..]) : (code, null);
}
