using System.Text;
using Inbox.Channels.Inbound;
using Inbox.Channels.Line;
using Inbox.Channels.Messenger;
using Inbox.Channels.Outbound;
using Inbox.Channels.Telegram;
using Inbox.Channels.WeChat;
using Inbox.Channels.WhatsApp;

namespace Inbox.Channels.Tests.Outbound;

/// <summary>Every documented platform error answer, in the platform's own shape, classified as docs/channels.md says.</summary>
public sealed class SendFailureTests
{
    [Theory]
    [InlineData(400, """{ "error": { "message": "(#131056) (Business Account, Consumer Account) pair rate limit hit", "type": "OAuthException", "code": 131056, "error_data": { "messaging_product": "whatsapp", "details": "Too many messages to the same phone number." }, "error_subcode": 2494071, "fbtrace_id": "A4O5a8RAgePwbcGSuEXAMPLE" } }""", SendFailureKind.RateLimited, "131056/2494071")]
    [InlineData(401, """{ "error": { "message": "Error validating access token: Session has expired on Tuesday, 01-Jul-25 10:00:00 PDT.", "type": "OAuthException", "code": 190, "error_subcode": 463, "fbtrace_id": "AbCdEfGhIjK" } }""", SendFailureKind.AuthExpired, "190/463")]
    [InlineData(429, """{ "error": { "message": "Rate limit hit", "code": 130429 } }""", SendFailureKind.RateLimited, "130429")]
    [InlineData(400, """{ "error": { "message": "Re-engagement message", "code": 131047 } }""", SendFailureKind.WindowClosed, "131047")]
    [InlineData(400, """{ "error": { "message": "Message undeliverable", "code": 131026 } }""", SendFailureKind.RecipientUnreachable, "131026")]
    [InlineData(500, """{ "error": { "message": "Something went wrong", "code": 131000 } }""", SendFailureKind.Transient, "131000")]
    [InlineData(400, """{ "error": { "message": "(#100) Invalid parameter", "code": 100 } }""", SendFailureKind.InvalidRequest, "100")]
    [InlineData(403, """{ "error": { "message": "(#200) Permissions error", "code": 200 } }""", SendFailureKind.AuthExpired, "200")]
    [InlineData(400, """{ "error": { "message": "Something new", "code": 999999 } }""", SendFailureKind.Unknown, "999999")]
    [InlineData(502, "<html>Bad Gateway</html>", SendFailureKind.Transient, "http-502")]
    public void WhatsApp_errors_are_classified_by_code(int status, string body, SendFailureKind kind, string code)
    {
        var failure = WhatsAppErrors.FromResponse(status, Encoding.UTF8.GetBytes(body), null);
        Assert.Equal((kind, code), (failure.Kind, failure.Error.Code));
    }

    [Fact]
    public void A_failed_whatsapp_status_is_classified_like_a_send_answer() =>
        Assert.Equal(SendFailureKind.WindowClosed, WhatsAppErrors.Classify(new PlatformError("131047", "Re-engagement message", null)));

    [Theory]
    [InlineData("""{ "error": { "message": "(#551) This person isn't available right now.", "type": "OAuthException", "code": 551, "error_subcode": 1545041, "fbtrace_id": "GZLdPD3DuDR" } }""", SendFailureKind.RecipientUnreachable)]
    [InlineData("""{ "error": { "message": "(#10) This message is sent outside of allowed window.", "code": 10, "error_subcode": 2018278 } }""", SendFailureKind.WindowClosed)]
    [InlineData("""{ "error": { "message": "This message is sent outside of allowed window.", "type": "IGApiException", "code": 10, "error_subcode": 2534022 } }""", SendFailureKind.WindowClosed)]
    [InlineData("""{ "error": { "message": "Invalid OAuth access token.", "code": 190 } }""", SendFailureKind.AuthExpired)]
    [InlineData("""{ "error": { "message": "No matching user found", "code": 100, "error_subcode": 2018001 } }""", SendFailureKind.RecipientUnreachable)]
    [InlineData("""{ "error": { "message": "An unexpected error has occurred. Please retry your request later.", "code": 2 } }""", SendFailureKind.Transient)]
    [InlineData("""{ "error": { "message": "Calls to this API have exceeded the rate limit.", "code": 613 } }""", SendFailureKind.RateLimited)]
    public void Messenger_and_instagram_errors_are_classified_by_code_and_subcode(string body, SendFailureKind kind) =>
        Assert.Equal(kind, MessengerErrors.FromResponse(400, Encoding.UTF8.GetBytes(body), null).Kind);

    [Theory]
    [InlineData(403, """{ "ok": false, "error_code": 403, "description": "Forbidden: bot was blocked by the user" }""", SendFailureKind.RecipientUnreachable, null)]
    [InlineData(401, """{ "ok": false, "error_code": 401, "description": "Unauthorized" }""", SendFailureKind.AuthExpired, null)]
    [InlineData(429, """{ "ok": false, "error_code": 429, "description": "Too Many Requests: retry after 35", "parameters": { "retry_after": 35 } }""", SendFailureKind.RateLimited, 35)]
    [InlineData(400, """{ "ok": false, "error_code": 400, "description": "Bad Request: chat not found" }""", SendFailureKind.RecipientUnreachable, null)]
    [InlineData(400, """{ "ok": false, "error_code": 400, "description": "Bad Request: message text is empty" }""", SendFailureKind.InvalidRequest, null)]
    [InlineData(502, "Bad Gateway", SendFailureKind.Transient, null)]
    public void Telegram_errors_are_classified_and_keep_retry_after(int status, string body, SendFailureKind kind, int? retryAfter)
    {
        var failure = TelegramErrors.FromResponse(status, Encoding.UTF8.GetBytes(body));
        Assert.Equal((kind, retryAfter is null ? (TimeSpan?)null : TimeSpan.FromSeconds(retryAfter.Value)), (failure.Kind, failure.RetryAfter));
    }

    [Theory]
    [InlineData(400, SendFailureKind.InvalidRequest)]
    [InlineData(401, SendFailureKind.AuthExpired)]
    [InlineData(404, SendFailureKind.RecipientUnreachable)]
    [InlineData(409, SendFailureKind.AlreadyAccepted)]
    [InlineData(429, SendFailureKind.RateLimited)]
    [InlineData(500, SendFailureKind.Transient)]
    public void Line_errors_are_classified_by_status_and_keep_the_details(int status, SendFailureKind kind)
    {
        var failure = LineErrors.FromResponse(status, """{ "message": "The request body has 1 error(s)", "details": [ { "message": "May not be empty", "property": "messages[0].text" } ] }"""u8, TimeSpan.FromSeconds(3));
        Assert.Equal(kind, failure.Kind);
        Assert.Equal(("The request body has 1 error(s)", "messages[0].text: May not be empty"), (failure.Error.Title, failure.Error.Detail));
    }

    [Theory]
    [InlineData("""{ "errcode": -1, "errmsg": "system error" }""", SendFailureKind.Transient)]
    [InlineData("""{ "errcode": 42001, "errmsg": "access_token expired" }""", SendFailureKind.AuthExpired)]
    [InlineData("""{ "errcode": 43004, "errmsg": "require subscribe" }""", SendFailureKind.RecipientUnreachable)]
    [InlineData("""{ "errcode": 48002, "errmsg": "user refused messages" }""", SendFailureKind.RecipientUnreachable)]
    [InlineData("""{ "errcode": 45015, "errmsg": "response out of time limit or subscription is canceled" }""", SendFailureKind.WindowClosed)]
    [InlineData("""{ "errcode": 45011, "errmsg": "api minute-quota reach limit" }""", SendFailureKind.RateLimited)]
    [InlineData("""{ "errcode": 45002, "errmsg": "content size out of limit" }""", SendFailureKind.InvalidRequest)]
    [InlineData("""{ "errcode": 61451, "errmsg": "invalid parameter" }""", SendFailureKind.Unknown)]
    public void Wechat_errors_are_classified_by_errcode_even_with_http_200(string body, SendFailureKind kind) =>
        Assert.Equal(kind, WeChatErrors.FromResponse(200, Encoding.UTF8.GetBytes(body))!.Kind);

    [Fact]
    public void A_wechat_answer_with_errcode_0_is_no_failure() =>
        Assert.Null(WeChatErrors.FromResponse(200, """{ "errcode": 0, "errmsg": "ok" }"""u8));
}
