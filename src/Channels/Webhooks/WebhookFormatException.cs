namespace Inbox.Channels.Webhooks;

/// <summary>An authentic webhook whose body cannot be read at all (not JSON/XML, or not the platform's envelope).</summary>
public sealed class WebhookFormatException : Exception
{
    public WebhookFormatException()
    {
    }

    public WebhookFormatException(string message)
        : base(message)
    {
    }

    public WebhookFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
