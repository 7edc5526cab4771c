namespace Inbox.Channels.Outbound;

/// <summary>What a send failure means to the agent who wrote the message, in plain words, with the platform's code kept for support.</summary>
public static class SendFailureText
{
    /// <summary>The failure's class as the API names it (<c>recipient_unreachable</c>, …).</summary>
    public static string WireName(SendFailureKind kind) => kind switch
    {
        SendFailureKind.Transient => "transient",
        SendFailureKind.RateLimited => "rate_limited",
        SendFailureKind.AuthExpired => "auth_expired",
        SendFailureKind.RecipientUnreachable => "recipient_unreachable",
        SendFailureKind.WindowClosed => "window_closed",
        SendFailureKind.InvalidRequest => "invalid_request",
        SendFailureKind.AlreadyAccepted => "already_accepted",
        _ => "unknown",
    };

    /// <summary>The sentence the chat shows under a failed message.</summary>
    public static string Describe(SendFailure failure, string platform)
    {
        var reason = failure.Kind switch
        {
            SendFailureKind.RecipientUnreachable => "the customer cannot be reached on this channel",
            SendFailureKind.WindowClosed => "the platform's reply window has closed: the customer must write first",
            SendFailureKind.AuthExpired => "the channel's access token was refused; an admin must reconnect the channel",
            SendFailureKind.RateLimited => "the platform's rate limit was reached; send it again in a moment",
            SendFailureKind.Transient => "the platform could not be reached or had a temporary error; send it again",
            SendFailureKind.InvalidRequest => "the platform refused the message as invalid",
            _ => "the platform refused the message",
        };
        return $"Not delivered: {reason} ({platform} {failure.Error.Code}: {failure.Error.Title}).";
    }
}
