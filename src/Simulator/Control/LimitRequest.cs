namespace Inbox.Simulator.Control;

/// <summary>The request body of <c>POST /simulator/limits</c>: at most <paramref name="PerSecond"/> accepted sends on <paramref name="Platform"/> in any sliding second.</summary>
/// <param name="Platform">The platform's wire name.</param>
/// <param name="PerSecond">The limit; null or 0 removes it.</param>
/// <param name="PerAccount">True: each account (bot token, phone number id, page, LINE channel, WeChat app) has its own window; false: one window for the platform.</param>
public sealed record LimitRequest(string Platform, int? PerSecond, bool PerAccount = false);
