using System.Globalization;
using System.Text.Json;
using Inbox.Channels.Inbound;
using Inbox.Channels.Webhooks;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Inbox.Channels.Telegram;

/// <summary>
/// Telegram Bot API webhooks. There is no body signature: the webhook was registered with a <c>secret_token</c>, which
/// Telegram sends back in <c>X-Telegram-Bot-Api-Secret-Token</c>; it is compared in constant time. Updates are read
/// with Telegram.Bot's own types (the maintained model of every update kind) and mapped to the inbox's events.
/// </summary>
public sealed class TelegramAdapter : IChannelAdapter
{
    public const string PlatformName = "telegram";

    /// <summary>The credential field holding the webhook's secret token.</summary>
    public const string SecretTokenField = "secretToken";

    public const string SecretTokenHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>The credential field holding the bot token BotFather gave.</summary>
    public const string BotTokenField = "botToken";

    public string Platform => PlatformName;

    public IReadOnlyList<ChannelField> Fields { get; } =
    [
        new(BotTokenField, ChannelFieldKind.Secret, "The bot's token from @BotFather (/newbot or /token)."),
        new(SecretTokenField, ChannelFieldKind.Generated, "Pass as secret_token to setWebhook together with the webhook URL."),
    ];

    public WebhookCheck Check(WebhookRequest request, IReadOnlyDictionary<string, string> credentials)
    {
        if (!credentials.TryGetValue(SecretTokenField, out var expected) || expected.Length == 0)
        {
            return new WebhookCheck.Rejected("The channel has no webhook secret token.");
        }

        if (request.Header(SecretTokenHeader) is not { } given)
        {
            return new WebhookCheck.Rejected($"The {SecretTokenHeader} header is missing.");
        }

        return Secrets.Match(given, expected)
            ? WebhookCheck.Accept
            : new WebhookCheck.Rejected($"The {SecretTokenHeader} header does not match.");
    }

    public IReadOnlyList<InboundEvent> Parse(ReadOnlyMemory<byte> body)
    {
        Update update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(body.Span, JsonBotAPI.Options)
                ?? throw new WebhookFormatException("The body is JSON null, not a Telegram Update.");
        }
        catch (JsonException e)
        {
            throw new WebhookFormatException("The body is not a Telegram Update: " + e.Message, e);
        }

        return [Map(update)];
    }

    private static InboundEvent Map(Update update) => update switch
    {
        { Message: { } message } => Message(message, edited: false),
        { EditedMessage: { } message } => Message(message, edited: true),
        { CallbackQuery: { Data: { } data, Message: { } message } query } => ButtonPressed(query, message, data),
        { MyChatMember: { Chat.Type: ChatType.Private } member } => new ReachabilityChanged(
            Id(member.Chat.Id),
            member.NewChatMember.Status is ChatMemberStatus.Kicked or ChatMemberStatus.Left,
            At(member.Date)),
        _ => new IgnoredEvent(update.Type.ToString()),
    };

    private static InboundMessage Message(Message message, bool edited)
    {
        var attachments = new List<InboundAttachment>();
        InboundLocation? location = null;
        string? unsupported = null;
        switch (message)
        {
            // Sizes run smallest to largest: the last is the original.
            case { Photo: [.., var largest] }:
                attachments.Add(new InboundAttachment(AttachmentKind.Image, largest.FileId, null, "image/jpeg", largest.FileSize));
                break;
            case { Voice: { } voice }:
                attachments.Add(new InboundAttachment(AttachmentKind.Voice, voice.FileId, null, voice.MimeType, voice.FileSize));
                break;
            case { Audio: { } audio }:
                attachments.Add(new InboundAttachment(AttachmentKind.Audio, audio.FileId, audio.FileName, audio.MimeType, audio.FileSize));
                break;
            case { Video: { } video }:
                attachments.Add(new InboundAttachment(AttachmentKind.Video, video.FileId, video.FileName, video.MimeType, video.FileSize));
                break;
            case { VideoNote: { } note }:
                attachments.Add(new InboundAttachment(AttachmentKind.Video, note.FileId, null, "video/mp4", note.FileSize));
                break;
            case { Animation: { } animation }:
                attachments.Add(new InboundAttachment(AttachmentKind.Video, animation.FileId, animation.FileName, animation.MimeType, animation.FileSize));
                break;
            case { Document: { } document }:
                attachments.Add(new InboundAttachment(AttachmentKind.File, document.FileId, document.FileName, document.MimeType, document.FileSize));
                break;
            case { Sticker: { } sticker }:
                attachments.Add(new InboundAttachment(AttachmentKind.Sticker, sticker.FileId, null, sticker.IsAnimated ? "application/x-tgsticker" : sticker.IsVideo ? "video/webm" : "image/webp", sticker.FileSize));
                break;
            case { Venue: { } venue }:
                location = new InboundLocation(venue.Location.Latitude, venue.Location.Longitude, venue.Title, venue.Address);
                break;
            case { Location: { } place }:
                location = new InboundLocation(place.Latitude, place.Longitude, null, null);
                break;
            case { Contact: not null }:
                // Shown as text: a contact card has no file to download.
                break;
            case { Text: null, Caption: null }:
                unsupported = message.Type.ToString();
                break;
        }

        var text = message.Text ?? message.Caption ?? (message.Contact is { } shared ? ContactCard(shared) : null);

        // An edit is a new message in the inbox (the customer changed what they said); its id keeps it apart from the
        // original and from a redelivery of either.
        var externalId = string.Create(CultureInfo.InvariantCulture, $"{message.Chat.Id}:{message.Id}");
        if (edited)
        {
            externalId += string.Create(CultureInfo.InvariantCulture, $":edit:{message.EditDate?.Ticks ?? 0}");
        }

        return new InboundMessage(externalId, Id(message.Chat.Id), Sender(message.From, message.Chat), At(message.Date), text, attachments, location, unsupported);
    }

    // A pressed quick-reply (inline keyboard) button arrives as the button's data, from the chat of the message it was on.
    private static InboundMessage ButtonPressed(CallbackQuery query, Message message, string data) =>
        new("callback:" + query.Id, Id(message.Chat.Id), Sender(query.From, message.Chat), At(message.Date), data, [], null, null);

    private static string ContactCard(Contact contact) =>
        $"Shared contact: {string.Join(' ', new[] { contact.FirstName, contact.LastName }.Where(p => !string.IsNullOrWhiteSpace(p)))} {contact.PhoneNumber}".Trim();

    private static PlatformUser Sender(User? from, Chat chat)
    {
        var name = string.Join(' ', new[] { from?.FirstName ?? chat.FirstName, from?.LastName ?? chat.LastName }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return new PlatformUser(Id(from?.Id ?? chat.Id), name.Length > 0 ? name : null, from?.Username ?? chat.Username, from?.LanguageCode);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset At(DateTime date) => new(DateTime.SpecifyKind(date, DateTimeKind.Utc));
}
