using Inbox.Contracts.Security;

namespace Inbox.Contracts.Channels;

/// <summary>
/// Receives a platform channel's webhooks: checks the signature with the channel's secrets, answers handshakes, and
/// stores every message before answering 200. A stateless worker keyed by the webhook's channel id, so one busy
/// channel's webhooks are checked in parallel on every silo and never queue behind one grain.
/// </summary>
[Alias("inbox.IWebhookIngressGrain")]
public interface IWebhookIngressGrain : IGrainWithStringKey
{
    /// <summary>Handles one webhook request for <paramref name="platform"/> and says what to answer.</summary>
    [Alias("Handle"), Requires(Permission.ServiceWebhooks)]
    Task<WebhookAnswer> HandleAsync(Platform platform, WebhookDelivery delivery);
}
