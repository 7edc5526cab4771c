using System.Globalization;

namespace Inbox.Contracts.Channels;

/// <summary>
/// The platforms' messaging windows: how long after a customer's last message a business may still write to them
/// freely. WhatsApp's customer service window and Messenger's and Instagram's standard messaging window last 24 hours,
/// WeChat's customer-service messages 48; Telegram, LINE (push) and web chat have none. Past it a platform takes only
/// template or tagged messages, which the inbox does not send yet. The one place these lengths are written down.
/// </summary>
public static class ReplyWindows
{
    private static readonly Dictionary<Platform, Window> Windows = new()
    {
        [Platform.WhatsApp] = new("WhatsApp", TimeSpan.FromHours(24), "template messages"),
        [Platform.Messenger] = new("Messenger", TimeSpan.FromHours(24), "message tags"),
        [Platform.Instagram] = new("Instagram", TimeSpan.FromHours(24), "message tags"),
        [Platform.WeChat] = new("WeChat", TimeSpan.FromHours(48), "template messages"),
    };

    /// <summary>How long replies may be sent on <paramref name="platform"/> after the customer's last message; null when it has no window.</summary>
    public static TimeSpan? LengthOn(Platform platform) => Windows.TryGetValue(platform, out var window) ? window.Length : null;

    /// <summary>
    /// When the window a customer's message sent at <paramref name="customerWroteAt"/> opens on <paramref name="platform"/>
    /// closes; null when the platform has no window.
    /// </summary>
    public static DateTimeOffset? ClosesAt(Platform platform, DateTimeOffset customerWroteAt) => customerWroteAt + LengthOn(platform);

    /// <summary>
    /// Whether a window closing at <paramref name="closesAt"/> is closed at <paramref name="now"/>. No window (null), or
    /// one not known yet, never is: the platform's own refusal then shows on the message.
    /// </summary>
    public static bool IsClosed(DateTimeOffset? closesAt, DateTimeOffset now) => closesAt <= now;

    /// <summary>
    /// What a reply is refused with once the window on <paramref name="platform"/> has closed, in words an agent reads
    /// (the API's 409 and the composer both say exactly this); null when the platform has no window.
    /// </summary>
    public static string? RefusalOn(Platform platform) => Windows.TryGetValue(platform, out var window)
        ? string.Create(CultureInfo.InvariantCulture, $"{window.Name}'s {window.Length.TotalHours:0}-hour reply window has closed: the customer must write again before you can reply ({window.WayOut} are not supported yet).")
        : null;

    /// <summary>One platform's window: its name as agents know it, its length, and what the platform allows past it.</summary>
    private sealed record Window(string Name, TimeSpan Length, string WayOut);
}
