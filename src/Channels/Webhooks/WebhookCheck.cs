namespace Inbox.Channels.Webhooks;

/// <summary>What an adapter makes of a webhook request before anything is parsed or stored.</summary>
public abstract record WebhookCheck
{
    private WebhookCheck()
    {
    }

    /// <summary>Authentic: parse and store the events.</summary>
    public sealed record Accepted : WebhookCheck;

    /// <summary>Not from the platform (bad or missing signature or token): answer 401 and store nothing.</summary>
    /// <param name="Reason">What was wrong, for the log (never echoing secrets).</param>
    public sealed record Rejected(string Reason) : WebhookCheck;

    /// <summary>A verification handshake: answer 200 with exactly this body.</summary>
    /// <param name="Content">The body the platform expects back.</param>
    /// <param name="ContentType">Its media type.</param>
    public sealed record Challenge(string Content, string ContentType) : WebhookCheck;

    public static WebhookCheck Accept { get; } = new Accepted();
}
