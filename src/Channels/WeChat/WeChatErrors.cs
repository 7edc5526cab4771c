using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inbox.Channels.Inbound;
using Inbox.Channels.Outbound;

namespace Inbox.Channels.WeChat;

/// <summary>
/// WeChat API answers: <c>{"errcode":N,"errmsg":"…"}</c>, usually with HTTP 200, so the errcode decides. Token errors
/// mean "refresh the access token once from AppID/AppSecret"; only if that fails is the channel disconnected.
/// </summary>
public static class WeChatErrors
{
    /// <summary>The failure an answer reports, or null when <c>errcode</c> is 0 (success).</summary>
    public static SendFailure? FromResponse(int httpStatus, ReadOnlySpan<byte> body)
    {
        JsonNode? answer = null;
        try
        {
            answer = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            // Not WeChat JSON: the status alone.
        }

        var code = (int?)answer?["errcode"];
        if (code == 0 || (code is null && httpStatus is >= 200 and < 300))
        {
            return null;
        }

        var error = new PlatformError(
            code?.ToString(CultureInfo.InvariantCulture) ?? "http-" + httpStatus.ToString(CultureInfo.InvariantCulture),
            (string?)answer?["errmsg"] ?? $"HTTP {httpStatus}",
            null);
        var kind = code switch
        {
            -1 => SendFailureKind.Transient,
            40001 or 40014 or 42001 or 48001 => SendFailureKind.AuthExpired,
            40003 or 43004 or 48002 => SendFailureKind.RecipientUnreachable,
            45015 or 45047 => SendFailureKind.WindowClosed,
            45009 or 45011 => SendFailureKind.RateLimited,
            41001 or 45002 or 47001 => SendFailureKind.InvalidRequest,
            null when httpStatus >= 500 => SendFailureKind.Transient,
            _ => SendFailureKind.Unknown,
        };
        return new SendFailure(kind, error, null);
    }
}
