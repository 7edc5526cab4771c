using System.Text.Json.Nodes;
using Inbox.Channels.Meta;
using Inbox.Channels.Outbound;

namespace Inbox.Channels.WhatsApp;

/// <summary>
/// WhatsApp Cloud API sends: <c>POST {base}{phone-number-id}/messages</c> with the bearer token. Quick replies become
/// an interactive message with up to three reply buttons (WhatsApp's limit; titles cut at 20 characters).
/// </summary>
public sealed class WhatsAppSender : IChannelSender
{
    private const int MaxButtons = 3;
    private const int MaxButtonTitle = 20;

    public string Platform => WhatsAppAdapter.PlatformName;

    public Uri DefaultBaseUrl { get; } = new("https://graph.facebook.com/v21.0/");

    public async Task<SendResult> SendAsync(SendContext context, OutboundMessage message, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = message.RecipientId,
        };
        if (message.QuickReplies is { Count: > 0 } replies)
        {
            body["type"] = "interactive";
            body["interactive"] = new JsonObject
            {
                ["type"] = "button",
                ["body"] = new JsonObject { ["text"] = message.Text },
                ["action"] = new JsonObject
                {
                    ["buttons"] = new JsonArray([.. replies.Take(MaxButtons).Select((title, i) => (JsonNode)new JsonObject
                    {
                        ["type"] = "reply",
                        ["reply"] = new JsonObject { ["id"] = $"qr-{i + 1}", ["title"] = PlatformHttp.Cut(title, MaxButtonTitle) },
                    })]),
                },
            };
        }
        else
        {
            body["type"] = "text";
            body["text"] = new JsonObject { ["preview_url"] = false, ["body"] = message.Text };
        }

        var url = new Uri(context.BaseUrl, $"{Uri.EscapeDataString(context.Field(WhatsAppAdapter.PhoneNumberIdField))}/messages");
        var (answer, unreachable) = await PlatformHttp.PostJsonAsync(context.Http, url, body,
            h => h.Authorization = new("Bearer", context.Field(MetaWebhooks.AccessTokenField)), cancellationToken);
        if (answer is not { } a)
        {
            return new SendResult.Refused(unreachable!);
        }

        return a.IsSuccess && (string?)a.Json()?["messages"]?[0]?["id"] is { } id
            ? new SendResult.Accepted(id)
            : new SendResult.Refused(WhatsAppErrors.FromResponse(a.Status, a.Body, a.RetryAfter));
    }
}
