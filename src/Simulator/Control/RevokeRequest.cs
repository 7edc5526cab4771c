namespace Inbox.Simulator.Control;

/// <summary>The request body of <c>POST /simulator/revoke</c>: <paramref name="Token"/> stops working on <paramref name="Platform"/>.</summary>
/// <param name="Platform">The platform's wire name.</param>
/// <param name="Token">
/// The credential exactly as sent: Telegram's bot token, WhatsApp's and LINE's bearer token, Messenger's and Instagram's
/// <c>access_token</c>, WeChat's AppSecret.
/// </param>
public sealed record RevokeRequest(string Platform, string Token);
