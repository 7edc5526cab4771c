namespace Inbox.Contracts.Messages;

/// <summary>
/// The one rule for what text a message may carry, applied at the gateway (to answer 400) and again in the grain.
/// 4,096 characters is the smallest text limit of the platforms we send to (WhatsApp, Telegram), so a reply that
/// passes here can go out on any channel unsplit.
/// </summary>
public static class MessageText
{
    /// <summary>The longest text a message may have, in UTF-16 characters.</summary>
    public const int MaxLength = 4096;

    /// <summary>How many characters of a message the conversation list shows.</summary>
    public const int PreviewLength = 120;

    /// <summary>Null when <paramref name="text"/> is acceptable, otherwise why it is not.</summary>
    public static string? Validate(string? text) => text switch
    {
        null => "The message text is missing.",
        _ when string.IsNullOrWhiteSpace(text) => "The message text is empty.",
        { Length: > MaxLength } => $"The message text is {text.Length} characters long; the limit is {MaxLength}.",
        _ => null,
    };

    /// <summary>Why an agent's reply text cannot be sent, or null when it can: it may be empty when a file goes with it (it is the caption).</summary>
    public static string? ValidateReply(string? text, bool hasFile) =>
        hasFile && text is not null && text.Length <= MaxLength ? null : Validate(text);

    /// <summary>The most a platform customer's message may hold: longer ones are cut by the channel (platforms allow up to 5,000).</summary>
    public const int MaxInboundLength = 16_000;

    /// <summary>
    /// Why a customer's message text cannot be stored, or null when it can: it may be empty when the message carries
    /// an attachment, a location or a notice, and may be longer than an agent's reply.
    /// </summary>
    public static string? ValidateInbound(string? text, bool hasOtherContent) => text switch
    {
        null => "The message text is missing.",
        _ when string.IsNullOrWhiteSpace(text) && !hasOtherContent => "The message text is empty.",
        { Length: > MaxInboundLength } => $"The message text is {text.Length} characters long; the limit is {MaxInboundLength}.",
        _ => null,
    };

    /// <summary>The longest quick-reply title every platform shows uncut.</summary>
    public const int MaxQuickReplyLength = 20;

    /// <summary>
    /// Why a reply's quick replies cannot be sent on <paramref name="platform"/>, which shows at most
    /// <paramref name="max"/> (0: none), or null when they can.
    /// </summary>
    public static string? ValidateQuickReplies(IReadOnlyList<string>? quickReplies, Channels.Platform platform, int max)
    {
        if (quickReplies is null or { Count: 0 })
        {
            return null;
        }

        if (quickReplies.Count > max)
        {
            return max == 0
                ? $"Quick replies are for platform channels; {Channels.PlatformNames.Of(platform)} shows none."
                : $"{Channels.PlatformNames.Of(platform)} shows at most {max} quick replies; this reply has {quickReplies.Count}.";
        }

        return quickReplies.FirstOrDefault(q => string.IsNullOrWhiteSpace(q) || q.Length > MaxQuickReplyLength) is { } bad
            ? $"Each quick reply needs 1-{MaxQuickReplyLength} characters; '{bad}' has {bad.Length}."
            : null;
    }

    /// <summary>The conversation list's one-line preview of a message: its text, or what it carries when it has none.</summary>
    public static string Preview(MessageRecord message) => message switch
    {
        _ when !string.IsNullOrWhiteSpace(message.Text) => Preview(message.Text),
        { Attachments: [var first, ..] } => $"[{first.Kind}{(first.FileName is { } name ? ": " + name : "")}]",
        { Location: { } location } => $"[Location{(location.Name is { } place ? ": " + place : "")}]",
        { Notice: { } notice } => Preview(notice),
        _ => "",
    };

    /// <summary>The start of a text for the conversation list, on one line.</summary>
    public static string Preview(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= PreviewLength ? oneLine : string.Concat(oneLine.AsSpan(0, PreviewLength - 1), "…");
    }
}
