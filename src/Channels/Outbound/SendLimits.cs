namespace Inbox.Channels.Outbound;

/// <summary>
/// How fast a platform lets one channel send: overall, and to one customer where the platform limits that too. The
/// inbox paces its sends with a token bucket per limit, so it stays under the platform's limit instead of hitting it.
/// </summary>
/// <param name="PerSecond">Sends per second on the channel (a phone number, a Page, a bot).</param>
/// <param name="Burst">How many sends may go at once after a quiet spell.</param>
/// <param name="RecipientPerSecond">Sends per second to one customer, where the platform has such a limit.</param>
/// <param name="RecipientBurst">How many sends to one customer may go at once.</param>
public sealed record SendLimits(double PerSecond, double Burst, double? RecipientPerSecond = null, double RecipientBurst = 1)
{
    /// <summary>The channel limit changed to <paramref name="perSecond"/> (an admin's setting), bursts of a tenth of a second's worth.</summary>
    public SendLimits WithRate(double perSecond) => this with { PerSecond = perSecond, Burst = BurstFor(perSecond) };

    /// <summary>The burst that keeps any one-second window within 10% of the rate: a tenth of a second's worth, at least one.</summary>
    public static double BurstFor(double perSecond) => Math.Max(1, Math.Floor(perSecond / 10));
}
