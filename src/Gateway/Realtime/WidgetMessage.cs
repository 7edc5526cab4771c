using Inbox.Contracts.Messages;

namespace Inbox.Gateway.Realtime;

/// <summary>A message as a customer sees it in the widget: no agent ids, no internal fields.</summary>
public sealed record WidgetMessage(string MessageId, long Sequence, MessageKind Kind, string Text, string AuthorName, DateTimeOffset CreatedAt)
{
    public static WidgetMessage From(MessageRecord message) =>
        new(message.MessageId, message.Sequence, message.Kind, message.Text, message.AuthorName, message.CreatedAt);
}

/// <summary>A page of the visitor's history, oldest first.</summary>
public sealed record WidgetHistory(IReadOnlyList<WidgetMessage> Items, bool HasMore);
