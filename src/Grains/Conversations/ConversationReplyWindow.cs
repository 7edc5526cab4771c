using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Errors;
using Inbox.Contracts.Messages;

namespace Inbox.Grains.Conversations;

/// <summary>
/// The platform's messaging window (<see cref="ReplyWindows"/>): it runs from the customer's newest message, by the
/// platform's clock, and a reply after it closes is refused with the reason before anything is stored or sent.
/// </summary>
/// <remarks>
/// The closing time rides the conversation's index row, which every message rewrites anyway, like the preview and the
/// activity time: a customer's message still costs no grain-state write. A reactivated grain reads it back there.
/// </remarks>
public sealed partial class ConversationGrain
{
    // Null: the platform has no window, the customer never wrote, or (a row from before the window was kept) not known.
    private DateTimeOffset? _replyWindowClosesAt;

    /// <summary>
    /// The customer wrote at <paramref name="sentAt"/> by the platform's clock (now when it gave none). The window only
    /// ever moves later, so a late redelivery of an older message never shortens it, and a platform clock ahead of ours
    /// never stretches it past what we have seen.
    /// </summary>
    private void CustomerWrote(DateTimeOffset? sentAt)
    {
        var now = time.GetUtcNow();
        var closes = ReplyWindows.ClosesAt(state.State.Platform, sentAt is { } at && at < now ? at : now);
        if (closes is { } later && (_replyWindowClosesAt is not { } current || later > current))
        {
            _replyWindowClosesAt = later;
            _indexStale = true;
        }
    }

    /// <summary>
    /// On activation: the index row's window, moved on by the customer's messages read from the log that the row does
    /// not account for (written after it, or all of them when it has no window yet).
    /// </summary>
    private void RecoverReplyWindow(ConversationSummary? indexed, List<MessageRecord> fromLog)
    {
        _replyWindowClosesAt = indexed?.ReplyWindowClosesAt;
        var counted = _replyWindowClosesAt is null ? 0 : indexed!.LastSequence;

        // Such a message's platform time was lost with its index write (a crash between the two); when the inbox stored
        // it is later by the webhook's delay, so the window may look open a little long, and then the platform's own
        // refusal fails the reply with its reason.
        foreach (var message in fromLog.Where(m => m.Kind == MessageKind.Incoming && m.Sequence > counted))
        {
            CustomerWrote(message.CreatedAt);
        }
    }

    /// <summary>
    /// Refuses a reply once the window has closed, saying so. A retry of a reply stored while it was open is answered
    /// with that reply, as any retry is.
    /// </summary>
    private async Task EnsureReplyWindowOpenAsync(string? clientMessageId)
    {
        if (ReplyWindows.IsClosed(_replyWindowClosesAt, time.GetUtcNow()) && await FindRedeliveryAsync(MessageKind.Outgoing, clientMessageId) is null)
        {
            throw new ConflictException(ReplyWindows.RefusalOn(state.State.Platform)!);
        }
    }
}
