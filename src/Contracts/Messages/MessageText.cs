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

    /// <summary>The start of a text for the conversation list, on one line.</summary>
    public static string Preview(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= PreviewLength ? oneLine : string.Concat(oneLine.AsSpan(0, PreviewLength - 1), "…");
    }
}
