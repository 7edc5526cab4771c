namespace Inbox.Contracts.Messages;

/// <summary>An agent's reply to a customer.</summary>
/// <param name="AuthorId">The agent's user id.</param>
/// <param name="AuthorName">The agent's display name.</param>
/// <param name="Text">The text.</param>
/// <param name="ClientMessageId">An id the agent's client chose, so a retried send is stored once; optional.</param>
/// <param name="QuickReplies">Answers the customer can tap (platform channels with buttons); optional.</param>
/// <param name="Attachments">A file the agent sends, already in the media store (the text is then its caption); optional.</param>
[GenerateSerializer, Immutable, Alias("inbox.agent-reply.v1")]
public sealed record AgentReply(
    [property: Id(0)] string AuthorId,
    [property: Id(1)] string AuthorName,
    [property: Id(2)] string Text,
    [property: Id(3)] string? ClientMessageId,
    [property: Id(4)] IReadOnlyList<string>? QuickReplies = null,
    [property: Id(5)] IReadOnlyList<MessageAttachment>? Attachments = null);
