using Inbox.Channels.Outbound;

namespace Inbox.Grains.Channels;

/// <summary>
/// Which queued reply goes next, and when: the channel's paced view of its outbox. One conversation's replies go in the
/// order they were queued, one at a time; different conversations' go side by side, as fast as the platform's limits
/// (a token bucket for the channel, one per customer where the platform has that limit) and any hold allow. Pure: the
/// time comes with every call, so it is tested without a clock or a grain.
/// </summary>
public sealed class OutboxSchedule(SendLimits limits, DateTimeOffset now)
{
    // Customers' buckets are forgotten once full again, so an outbox that served many customers stays small.
    private const int RecipientBucketsKept = 256;

    private readonly List<QueuedReply> _entries = [];
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenBucket> _recipients = new(StringComparer.Ordinal);
    private TokenBucket _channel = new(limits.PerSecond, limits.Burst, now);

    /// <summary>The limits the queue keeps to.</summary>
    public SendLimits Limits { get; private set; } = limits;

    /// <summary>No reply goes before this (the platform's retry-after); null when nothing holds the channel.</summary>
    public DateTimeOffset? HeldUntil { get; private set; }

    /// <summary>Nothing goes while paused (the platform refused the channel's token).</summary>
    public bool Paused { get; set; }

    /// <summary>Replies queued, being sent included.</summary>
    public int Count => _entries.Count;

    /// <summary>Every queued reply, oldest first.</summary>
    public IReadOnlyList<QueuedReply> Entries => _entries;

    /// <summary>Whether a reply with this message id is queued.</summary>
    public bool Contains(string messageId) => _entries.Exists(e => e.Entry.Reply.MessageId == messageId);

    /// <summary>Adds a reply at the end (replies come in their queue order).</summary>
    public QueuedReply Add(OutboxEntry entry)
    {
        var queued = new QueuedReply(entry);
        _entries.Add(queued);
        return queued;
    }

    /// <summary>Keeps to new limits from now on (an admin changed the channel's pace).</summary>
    public void Change(SendLimits newLimits, DateTimeOffset at)
    {
        Limits = newLimits;
        _channel = new TokenBucket(newLimits.PerSecond, newLimits.Burst, at);
        _recipients.Clear();
    }

    /// <summary>Holds every reply until <paramref name="until"/> (the platform asked to wait).</summary>
    public void HoldUntil(DateTimeOffset until)
    {
        if (HeldUntil is not { } held || until > held)
        {
            HeldUntil = until;
        }
    }

    /// <summary>
    /// The next reply to send at <paramref name="at"/>, its tokens taken and its conversation marked busy; or null and
    /// how long until one could go (<see cref="Timeout.InfiniteTimeSpan"/> when only a finished send or a new reply can
    /// change that).
    /// </summary>
    public (QueuedReply? Next, TimeSpan Wait) Next(DateTimeOffset at, int sending, int maxSending)
    {
        if (Paused || _entries.Count == 0 || sending >= maxSending)
        {
            return (null, Timeout.InfiniteTimeSpan);
        }

        if (HeldUntil is { } held)
        {
            if (held > at)
            {
                return (null, held - at);
            }

            HeldUntil = null;
        }

        var channelWait = _channel.WaitTime(at);
        if (channelWait > TimeSpan.Zero)
        {
            return (null, channelWait);
        }

        ForgetFullRecipientBuckets(at);
        var wait = Timeout.InfiniteTimeSpan;
        var heads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var queued in _entries)
        {
            var reply = queued.Entry.Reply;
            if (!heads.Add(reply.ConversationId) || _busy.Contains(reply.ConversationId))
            {
                continue;
            }

            if (queued.NotBefore is { } notBefore && notBefore > at)
            {
                wait = Shorter(wait, notBefore - at);
                continue;
            }

            var recipient = RecipientBucket(reply.RecipientId, at);
            if (recipient?.WaitTime(at) is { } recipientWait && recipientWait > TimeSpan.Zero)
            {
                wait = Shorter(wait, recipientWait);
                continue;
            }

            _channel.TryTake(at);
            recipient?.TryTake(at);
            _busy.Add(reply.ConversationId);
            queued.NotBefore = null;
            return (queued, TimeSpan.Zero);
        }

        return (null, wait);
    }

    /// <summary>The reply is done with (sent or failed for good): it leaves the queue and its conversation's next may go.</summary>
    public void Remove(QueuedReply queued)
    {
        _entries.Remove(queued);
        _busy.Remove(queued.Entry.Reply.ConversationId);
    }

    /// <summary>The reply goes again, at its place in the queue, not before <paramref name="notBefore"/> (null: as soon as the limits allow).</summary>
    public void Retry(QueuedReply queued, DateTimeOffset? notBefore)
    {
        queued.NotBefore = notBefore;
        _busy.Remove(queued.Entry.Reply.ConversationId);
    }

    private TokenBucket? RecipientBucket(string recipientId, DateTimeOffset at)
    {
        if (Limits.RecipientPerSecond is not { } perSecond)
        {
            return null;
        }

        if (!_recipients.TryGetValue(recipientId, out var bucket))
        {
            _recipients[recipientId] = bucket = new TokenBucket(perSecond, Limits.RecipientBurst, at);
        }

        return bucket;
    }

    private void ForgetFullRecipientBuckets(DateTimeOffset at)
    {
        if (_recipients.Count > RecipientBucketsKept)
        {
            foreach (var full in _recipients.Where(r => r.Value.IsFull(at)).Select(r => r.Key).ToList())
            {
                _recipients.Remove(full);
            }
        }
    }

    private static TimeSpan Shorter(TimeSpan a, TimeSpan b) => a == Timeout.InfiniteTimeSpan || b < a ? b : a;
}

/// <summary>A reply in the channel's queue.</summary>
public sealed class QueuedReply(OutboxEntry entry)
{
    /// <summary>The stored entry (its attempts and sending mark as last written).</summary>
    public OutboxEntry Entry { get; set; } = entry;

    /// <summary>Not sent again before this (a passing error's backoff).</summary>
    public DateTimeOffset? NotBefore { get; set; }
}
